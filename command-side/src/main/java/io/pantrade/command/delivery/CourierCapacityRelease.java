package io.pantrade.command.delivery;

import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.CourierReassigned;
import io.pantrade.kernel.delivery.CourierUnassigned;
import io.pantrade.kernel.delivery.DeliveryCancelled;
import io.pantrade.kernel.delivery.DeliveryDelivered;
import io.pantrade.kernel.delivery.DeliveryFailed;
import io.pantrade.kernel.delivery.ReleaseDelivery;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Gives a courier back the room of a delivery they no longer hold. It runs after the fact, on its
 * own tracking token (kept with Axon's state, so a restart goes on where it stopped): until it has,
 * the courier only looks busier than they are, which is safe. Releasing is idempotent, so an event
 * handled twice after a failure changes nothing; a replay of the history sends no command at all.
 */
@Component
@DisallowReplay
@ProcessingGroup(CourierCapacityRelease.PROCESSOR)
class CourierCapacityRelease {

    static final String PROCESSOR = "courier-capacity-release";

    private final CommandGateway commands;

    CourierCapacityRelease(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(CourierUnassigned event) {
        release(event.courierId(), event.assignmentId());
    }

    @EventHandler
    void on(CourierReassigned event) {
        release(event.fromCourierId(), event.fromAssignmentId());
    }

    @EventHandler
    void on(DeliveryDelivered event) {
        release(event.courierId(), event.assignmentId());
    }

    @EventHandler
    void on(DeliveryFailed event) {
        release(event.courierId(), event.assignmentId());
    }

    @EventHandler
    void on(DeliveryCancelled event) {
        release(event.courierId(), event.assignmentId());
    }

    /** A delivery failed or cancelled while waiting for a courier held no room anywhere. */
    private void release(CourierId courierId, String assignmentId) {
        if (courierId != null && assignmentId != null) {
            commands.sendAndWait(new ReleaseDelivery(courierId, assignmentId));
        }
    }
}
