package io.pantrade.projection.delivery;

import com.mongodb.client.MongoDatabase;
import io.pantrade.kernel.delivery.CourierCapacityChanged;
import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.CourierLocationUpdated;
import io.pantrade.kernel.delivery.CourierRegistered;
import io.pantrade.kernel.delivery.CourierReleasedDelivery;
import io.pantrade.kernel.delivery.CourierRosterPage;
import io.pantrade.kernel.delivery.CourierTookDelivery;
import io.pantrade.kernel.delivery.CourierView;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.delivery.GeoPoint;
import io.pantrade.kernel.delivery.ParcelSize;
import io.pantrade.kernel.delivery.ShiftEnded;
import io.pantrade.kernel.delivery.ShiftStarted;
import io.pantrade.kernel.privacy.SealedText;
import io.pantrade.projection.AggregateHistory;
import io.pantrade.projection.DatabaseSnapshot;
import io.pantrade.projection.ProcessorBatch;
import io.pantrade.testing.EmbeddedMongo;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.pantrade.projection.delivery.DeliveryEvents.DEPOT;
import static io.pantrade.projection.delivery.DeliveryEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** The courier roster through the projection's handlers, in processor-style batches, on the embedded server. */
class CourierRosterTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = EmbeddedMongo.perTestClass();

    private MongoDatabase readModels;
    private Couriers couriers;
    private CourierRosterProjection projection;
    private final AggregateHistory history = new AggregateHistory();

    private final CourierId ann = CourierId.random();
    private final DeliveryId first = DeliveryId.random();
    private final DeliveryId second = DeliveryId.random();
    private final GeoPoint market = new GeoPoint(52.36, 4.88);

    @BeforeEach
    void emptyReadModel() {
        readModels = mongo.emptyDatabase("courier_roster");
        couriers = new Couriers(readModels);
        projection = new CourierRosterProjection(couriers);
    }

    @Test
    void a_courier_on_shift_shows_where_and_what_it_holds_once_per_assignment() throws Exception {
        EventMessage<?> registered = registered(ann, 6);
        EventMessage<?> started = event(ann, new ShiftStarted(ann, DEPOT, T0.plusSeconds(10)));
        EventMessage<?> moved = event(ann, new CourierLocationUpdated(ann, market, T0.plusSeconds(20)));
        EventMessage<?> took = event(ann, new CourierTookDelivery(ann, first, "a1", ParcelSize.MEDIUM, T0.plusSeconds(30)));
        EventMessage<?> tookMore = event(ann, new CourierTookDelivery(ann, second, "a2", ParcelSize.SMALL, T0.plusSeconds(40)));
        ProcessorBatch.handle(projection, List.of(registered, started, moved, took, took, tookMore));

        CourierView view = couriers.find(ann).orElseThrow();
        assertThat(view.onShift()).isTrue();
        assertThat(view.location()).isEqualTo(market);
        assertThat(view.locationAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(view.capacity()).isEqualTo(6);
        assertThat(view.load()).isEqualTo(3);
        assertThat(view.freeCapacity()).isEqualTo(3);
        assertThat(view.deliveries()).containsExactly(first, second);

        EventMessage<?> released = event(ann, new CourierReleasedDelivery(ann, first, "a1", T0.plusSeconds(50)));
        ProcessorBatch.handle(projection, List.of(released, released,
                event(ann, new CourierReleasedDelivery(ann, first, "unknown", T0.plusSeconds(55)))));

        CourierView after = couriers.find(ann).orElseThrow();
        assertThat(after.load()).isEqualTo(1);
        assertThat(after.deliveries()).containsExactly(second);
        assertThat(couriers.roster(5, null, 10).couriers()).extracting(CourierView::courierId).containsExactly(ann);
    }

    @Test
    void the_roster_lists_couriers_on_shift_with_enough_room_a_page_at_a_time() throws Exception {
        List<EventMessage<?>> events = new ArrayList<>();
        List<CourierId> roomy = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            CourierId courier = CourierId.random();
            events.add(registered(courier, 4));
            events.add(event(courier, new ShiftStarted(courier, DEPOT, T0)));
            if (i % 2 == 0) {
                events.add(event(courier, new CourierTookDelivery(courier, DeliveryId.random(), "a" + i,
                        ParcelSize.LARGE, T0.plusSeconds(5))));
            } else {
                roomy.add(courier);
            }
        }
        CourierId offShift = CourierId.random();
        events.add(registered(offShift, 10));
        events.add(event(offShift, new ShiftStarted(offShift, DEPOT, T0)));
        events.add(event(offShift, new ShiftEnded(offShift, T0.plusSeconds(60))));
        CourierId bigger = CourierId.random();
        events.add(registered(bigger, 1));
        events.add(event(bigger, new ShiftStarted(bigger, DEPOT, T0)));
        events.add(event(bigger, new CourierCapacityChanged(bigger, 8, T0.plusSeconds(1))));
        roomy.add(bigger);
        ProcessorBatch.handle(projection, events);
        roomy.sort(Comparator.comparing(CourierId::value));

        CourierRosterPage firstPage = couriers.roster(4, null, 2);
        CourierRosterPage lastPage = couriers.roster(4, firstPage.next(), 2);

        assertThat(firstPage.couriers()).extracting(CourierView::courierId).containsExactlyElementsOf(roomy.subList(0, 2));
        assertThat(lastPage.couriers()).extracting(CourierView::courierId).containsExactlyElementsOf(roomy.subList(2, 4));
        assertThat(lastPage.next()).isNull();
        assertThat(couriers.roster(0, null, 200).couriers()).hasSize(7);
        assertThat(couriers.find(offShift).orElseThrow().onShift()).isFalse();
    }

    @Test
    void handling_every_event_twice_leaves_identical_documents() throws Exception {
        List<EventMessage<?>> shift = List.of(registered(ann, 4),
                event(ann, new ShiftStarted(ann, DEPOT, T0)),
                event(ann, new CourierTookDelivery(ann, first, "a1", ParcelSize.MEDIUM, T0.plusSeconds(30))),
                event(ann, new CourierTookDelivery(ann, second, "a2", ParcelSize.SMALL, T0.plusSeconds(31))),
                event(ann, new CourierReleasedDelivery(ann, first, "a1", T0.plusSeconds(50))),
                event(ann, new CourierLocationUpdated(ann, market, T0.plusSeconds(60))));
        ProcessorBatch.handle(projection, shift);
        DatabaseSnapshot once = DatabaseSnapshot.of(readModels);

        ProcessorBatch.handle(projection, shift);
        assertThat(DatabaseSnapshot.of(readModels)).isEqualTo(once);

        emptyReadModel();
        for (EventMessage<?> event : shift) {
            ProcessorBatch.handle(projection, List.of(event, event));
            ProcessorBatch.handle(projection, List.of(event));
        }
        assertThat(DatabaseSnapshot.of(readModels)).isEqualTo(once);
        assertThat(couriers.find(ann).orElseThrow().load()).isEqualTo(1);
    }

    @Test
    void an_old_event_delivered_again_puts_the_on_shift_entry_back_as_the_courier_document_says() throws Exception {
        List<EventMessage<?>> shift = List.of(registered(ann, 4), event(ann, new ShiftStarted(ann, DEPOT, T0)));
        ProcessorBatch.handle(projection, shift);
        DatabaseSnapshot whole = DatabaseSnapshot.of(readModels);
        readModels.getCollection(Couriers.ON_SHIFT).drop();

        ProcessorBatch.handle(projection, List.of(shift.get(0)));

        assertThat(DatabaseSnapshot.of(readModels)).isEqualTo(whole);
    }

    @Test
    void the_reset_handler_empties_the_read_model() throws Exception {
        ProcessorBatch.handle(projection, List.of(registered(ann, 4), event(ann, new ShiftStarted(ann, DEPOT, T0))));

        ProcessorBatch.reset(projection);

        assertThat(DatabaseSnapshot.of(readModels).collections()).isEmpty();
    }

    private EventMessage<?> registered(CourierId courier, int capacity) {
        return event(courier, new CourierRegistered(courier, new SealedText(courier.value(), "AQIDBAUGBwgJCgsM"),
                capacity, T0));
    }

    private EventMessage<?> event(CourierId courier, Object payload) {
        return history.add("Courier", courier.value(), payload, T0);
    }
}
