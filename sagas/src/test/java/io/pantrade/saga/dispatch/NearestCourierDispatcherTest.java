package io.pantrade.saga.dispatch;

import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.delivery.GeoPoint;
import io.pantrade.kernel.delivery.ParcelSize;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NearestCourierDispatcherTest {

    private static final Instant T0 = Instant.parse("2026-03-14T09:00:00Z");
    /** Alexanderplatz, Berlin, and couriers 300 m, 2 km and 9 km from it */
    private static final GeoPoint PICKUP = new GeoPoint(52.5219, 13.4132);
    private static final GeoPoint NEAR = new GeoPoint(52.5246, 13.4132);
    private static final GeoPoint MIDDLE = new GeoPoint(52.5399, 13.4132);
    private static final GeoPoint FAR = new GeoPoint(52.6028, 13.4132);

    private final DeliveryDispatcher dispatcher = new NearestCourierDispatcher();

    @Test
    void gives_a_delivery_to_the_nearest_courier() {
        AvailableCourier far = courier(FAR, 4);
        AvailableCourier near = courier(NEAR, 4);
        WaitingDelivery delivery = delivery(0, ParcelSize.SMALL);

        assertThat(dispatcher.assign(List.of(delivery), List.of(far, courier(MIDDLE, 4), near)))
                .containsExactly(new Assignment(delivery.deliveryId(), near.courierId()));
    }

    @Test
    void skips_a_nearer_courier_without_room_for_the_parcel() {
        AvailableCourier nearButSmall = courier(NEAR, 1);
        AvailableCourier middle = courier(MIDDLE, 4);
        WaitingDelivery large = delivery(0, ParcelSize.LARGE);

        assertThat(dispatcher.assign(List.of(large), List.of(nearButSmall, middle)))
                .containsExactly(new Assignment(large.deliveryId(), middle.courierId()));
    }

    @Test
    void never_gives_a_courier_more_than_its_room_and_serves_the_longest_waiting_first() {
        AvailableCourier near = courier(NEAR, 2);
        WaitingDelivery newest = delivery(30, ParcelSize.SMALL);
        WaitingDelivery oldest = delivery(0, ParcelSize.MEDIUM);
        WaitingDelivery middle = delivery(10, ParcelSize.SMALL);

        assertThat(dispatcher.assign(List.of(newest, middle, oldest), List.of(near)))
                .containsExactly(new Assignment(oldest.deliveryId(), near.courierId()));
    }

    @Test
    void avoids_a_courier_the_delivery_was_taken_back_from() {
        AvailableCourier near = courier(NEAR, 4);
        AvailableCourier far = courier(FAR, 4);
        WaitingDelivery delivery = new WaitingDelivery(DeliveryId.random(), PICKUP, ParcelSize.SMALL, T0,
                Set.of(near.courierId()));

        assertThat(dispatcher.assign(List.of(delivery), List.of(near, far)))
                .containsExactly(new Assignment(delivery.deliveryId(), far.courierId()));
    }

    @Test
    void leaves_deliveries_waiting_when_no_courier_has_room() {
        assertThat(dispatcher.assign(List.of(delivery(0, ParcelSize.LARGE)), List.of(courier(NEAR, 3)))).isEmpty();
        assertThat(dispatcher.assign(List.of(delivery(0, ParcelSize.SMALL)), List.of())).isEmpty();
    }

    private static AvailableCourier courier(GeoPoint location, int freeCapacity) {
        return new AvailableCourier(CourierId.random(), location, freeCapacity);
    }

    private static WaitingDelivery delivery(int waitingSinceSeconds, ParcelSize size) {
        return new WaitingDelivery(DeliveryId.random(), PICKUP, size, T0.plusSeconds(waitingSinceSeconds), Set.of());
    }
}
