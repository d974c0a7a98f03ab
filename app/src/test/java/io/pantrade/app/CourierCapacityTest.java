package io.pantrade.app;

import io.pantrade.app.Http.Reply;
import io.pantrade.kernel.delivery.AssignCourier;
import io.pantrade.kernel.delivery.CourierAssigned;
import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.CourierTookDelivery;
import io.pantrade.kernel.delivery.DeliveryCreated;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.delivery.ParcelSize;
import io.pantrade.testing.Race;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.stream.IntStream;

import static io.pantrade.app.OrderApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A courier's capacity is reserved in the same unit of work (and database transaction) as the
 * assignment: a refused reservation leaves no assignment, a failed assignment leaves no reservation,
 * and concurrent assignments never overbook.
 */
class CourierCapacityTest extends RunningEngineTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    CommandBus commandBus;
    @Autowired
    EventStore eventStore;

    Couriers couriers;

    @BeforeEach
    void couriers() {
        couriers = new Couriers(http, commands, eventStore);
    }

    @Test
    void of_50_concurrent_assignments_to_a_courier_with_room_for_3_exactly_3_succeed() throws Exception {
        String courierId = couriers.onShift(3);
        List<String> deliveries = IntStream.range(0, 50).mapToObj(i -> couriers.delivery(ParcelSize.SMALL)).toList();

        List<Reply> replies = Race.of(50, i -> couriers.assign(deliveries.get(i), courierId));

        assertThat(replies).extracting(Reply::status).isSubsetOf(202, 409);
        List<String> assigned = IntStream.range(0, 50).filter(i -> replies.get(i).status() == 202)
                .mapToObj(deliveries::get).toList();
        assertThat(assigned).hasSize(3);
        assertThat(replies).filteredOn(reply -> reply.status() == 409)
                .allSatisfy(reply -> assertProblem(reply, 409, "courier.capacity-exceeded"));
        List<CourierTookDelivery> holds = couriers.events(courierId, CourierTookDelivery.class);
        assertThat(holds).extracting(took -> took.deliveryId().value()).containsExactlyInAnyOrderElementsOf(assigned);
        for (CourierTookDelivery hold : holds) {
            assertThat(couriers.events(hold.deliveryId().value(), CourierAssigned.class)).singleElement()
                    .extracting(CourierAssigned::assignmentId).isEqualTo(hold.assignmentId());
        }
        deliveries.stream().filter(delivery -> !assigned.contains(delivery)).forEach(delivery ->
                assertThat(couriers.events(delivery)).singleElement().isInstanceOf(DeliveryCreated.class));
    }

    @Test
    void a_courier_who_refuses_the_parcel_leaves_no_assignment_behind() {
        String courierId = couriers.onShift(1);
        String deliveryId = couriers.delivery(ParcelSize.MEDIUM);

        assertProblem(couriers.assign(deliveryId, courierId), 409, "courier.capacity-exceeded");

        assertThat(couriers.events(deliveryId)).singleElement().isInstanceOf(DeliveryCreated.class);
        assertThat(couriers.events(courierId, CourierTookDelivery.class)).isEmpty();
    }

    /**
     * The courier took the parcel, then the assignment's own unit of work failed: the courier's hold
     * must go with it, and the courier (whose lock the failed work held) must be free for the next.
     */
    @Test
    void an_assignment_rolled_back_after_the_courier_took_the_parcel_leaves_no_hold() {
        String courierId = couriers.onShift(1);
        DeliveryId doomed = new DeliveryId(couriers.delivery(ParcelSize.SMALL));
        Registration failAfterHandling = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (unitOfWork.getMessage().getPayload() instanceof AssignCourier assign && assign.deliveryId().equals(doomed)) {
                throw new IllegalStateException("the assignment failed after the courier took the parcel");
            }
            return result;
        });
        try {
            assertThatThrownBy(() -> commands.sendAndWait(new AssignCourier(doomed, new CourierId(courierId))))
                    .hasMessageContaining("failed after the courier took the parcel");
        } finally {
            failAfterHandling.cancel();
        }

        assertThat(couriers.events(doomed.value())).singleElement().isInstanceOf(DeliveryCreated.class);
        assertThat(couriers.events(courierId, CourierTookDelivery.class)).isEmpty();
        String next = couriers.delivery(ParcelSize.SMALL);
        assertThat(couriers.assign(next, courierId).status()).isEqualTo(202);
        assertThat(couriers.events(courierId, CourierTookDelivery.class)).singleElement()
                .extracting(took -> took.deliveryId().value()).isEqualTo(next);
    }
}
