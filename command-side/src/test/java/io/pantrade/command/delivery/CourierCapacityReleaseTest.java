package io.pantrade.command.delivery;

import io.pantrade.kernel.delivery.CourierAssigned;
import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.CourierReassigned;
import io.pantrade.kernel.delivery.CourierUnassigned;
import io.pantrade.kernel.delivery.DeliveryCancelled;
import io.pantrade.kernel.delivery.DeliveryDelivered;
import io.pantrade.kernel.delivery.DeliveryFailed;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.delivery.DeliveryPickedUp;
import io.pantrade.kernel.delivery.DeliveryProof;
import io.pantrade.kernel.delivery.ParcelSize;
import io.pantrade.kernel.delivery.ReleaseDelivery;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy read through Axon's own annotation handling, sending to a real (local) command bus. */
class CourierCapacityReleaseTest {

    private static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");
    private static final DeliveryId DELIVERY = DeliveryId.random();
    private static final CourierId ANNA = CourierId.random();
    private static final CourierId BOB = CourierId.random();

    private final List<ReleaseDelivery> released = new ArrayList<>();
    private AnnotationEventHandlerAdapter policy;

    @BeforeEach
    void setUp() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(ReleaseDelivery.class.getName(), message -> {
            released.add((ReleaseDelivery) message.getPayload());
            return null;
        });
        policy = new AnnotationEventHandlerAdapter(
                new CourierCapacityRelease(DefaultCommandGateway.builder().commandBus(bus).build()));
    }

    @Test
    void a_courier_unassigned_gets_the_room_back() throws Exception {
        handle(new CourierUnassigned(DELIVERY, ANNA, "a-1", "declined by courier", NOW));
        assertThat(released).containsExactly(new ReleaseDelivery(ANNA, "a-1"));
    }

    @Test
    void on_a_reassignment_the_former_courier_gets_the_room_back() throws Exception {
        handle(new CourierReassigned(DELIVERY, ANNA, "a-1", BOB, "a-2", ParcelSize.SMALL, NOW));
        assertThat(released).containsExactly(new ReleaseDelivery(ANNA, "a-1"));
    }

    @Test
    void a_delivered_failed_or_cancelled_delivery_gives_its_courier_the_room_back() throws Exception {
        handle(new DeliveryDelivered(DELIVERY, ANNA, "a-1", new DeliveryProof(NOW, null, null)));
        handle(new DeliveryFailed(DELIVERY, BOB, "a-2", "nobody home", NOW));
        handle(new DeliveryCancelled(DELIVERY, ANNA, "a-3", "order cancelled", NOW));
        assertThat(released).containsExactly(new ReleaseDelivery(ANNA, "a-1"), new ReleaseDelivery(BOB, "a-2"),
                new ReleaseDelivery(ANNA, "a-3"));
    }

    @Test
    void a_delivery_that_no_courier_held_releases_nothing() throws Exception {
        handle(new DeliveryFailed(DELIVERY, null, null, "no courier in time", NOW));
        handle(new DeliveryCancelled(DELIVERY, null, null, "order cancelled", NOW));
        assertThat(released).isEmpty();
    }

    @Test
    void steps_that_keep_the_courier_busy_release_nothing() throws Exception {
        handle(new CourierAssigned(DELIVERY, ANNA, "a-1", ParcelSize.SMALL, NOW));
        handle(new DeliveryPickedUp(DELIVERY, ANNA, NOW));
        assertThat(released).isEmpty();
    }

    @Test
    void a_replay_of_the_history_sends_no_command() {
        assertThat(policy.supportsReset()).isFalse();
    }

    private void handle(Object event) throws Exception {
        policy.handle(GenericEventMessage.asEventMessage(event));
    }
}
