package io.pantrade.command.delivery;

import io.pantrade.command.AggregateCaches;
import io.pantrade.kernel.delivery.AcceptDelivery;
import io.pantrade.kernel.delivery.AssignCourier;
import io.pantrade.kernel.delivery.CancelDelivery;
import io.pantrade.kernel.delivery.ConfirmDelivery;
import io.pantrade.kernel.delivery.CourierAssigned;
import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.CourierReassigned;
import io.pantrade.kernel.delivery.CourierUnassigned;
import io.pantrade.kernel.delivery.CreateDelivery;
import io.pantrade.kernel.delivery.DeliveryAccepted;
import io.pantrade.kernel.delivery.DeliveryCancelled;
import io.pantrade.kernel.delivery.DeliveryCreated;
import io.pantrade.kernel.delivery.DeliveryDelivered;
import io.pantrade.kernel.delivery.DeliveryFailed;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.delivery.DeliveryPickedUp;
import io.pantrade.kernel.delivery.DeliveryProof;
import io.pantrade.kernel.delivery.DeliveryStatus;
import io.pantrade.kernel.delivery.FailDelivery;
import io.pantrade.kernel.delivery.ParcelSize;
import io.pantrade.kernel.delivery.PickUpDelivery;
import io.pantrade.kernel.delivery.ReassignCourier;
import io.pantrade.kernel.delivery.TakeDelivery;
import io.pantrade.kernel.delivery.UnassignCourier;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.UUID;

import static io.pantrade.command.delivery.DeliveryRule.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One parcel's trip from the pickup point to the customer: waiting for a courier, assigned,
 * accepted, picked up, then delivered or failed; cancelled only before pickup. Only the courier
 * holding it moves it along.
 */
@Aggregate(cache = AggregateCaches.DELIVERIES)
class Delivery {

    @AggregateIdentifier
    private DeliveryId deliveryId;
    private CreateDelivery request;
    private DeliveryStatus status;
    private ParcelSize size;
    private CourierId courierId;
    private String assignmentId;

    /** Whoever creates deliveries (the fulfilment saga) may repeat itself: the same delivery again changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateDelivery command, Clock clock) {
        if (deliveryId != null) {
            if (!command.equals(request)) {
                throw DELIVERY_ID_TAKEN.violated();
            }
            return;
        }
        requireComplete(command);
        apply(new DeliveryCreated(command.deliveryId(), command.orderId(), command.pickup(), command.dropOff(),
                command.window(), command.size(), clock.instant()));
    }

    @CommandHandler
    void handle(AssignCourier command, CommandGateway commands, Clock clock) {
        if (status != DeliveryStatus.AWAITING_COURIER) {
            throw ASSIGNED_ONLY_WHILE_AWAITING_A_COURIER.violated("it is " + status);
        }
        CourierId courier = requireCourier(command.courierId());
        String assignment = reserveRoomOn(courier, commands);
        apply(new CourierAssigned(deliveryId, courier, assignment, size, clock.instant()));
    }

    /** The former courier's room is given back by the release policy, after the fact. */
    @CommandHandler
    void handle(ReassignCourier command, CommandGateway commands, Clock clock) {
        if (!heldByACourier()) {
            throw REASSIGNED_ONLY_BEFORE_PICKUP.violated("it is " + status);
        }
        CourierId courier = requireCourier(command.courierId());
        if (courier.equals(courierId)) {
            throw REASSIGNED_TO_ANOTHER_COURIER.violated();
        }
        String assignment = reserveRoomOn(courier, commands);
        apply(new CourierReassigned(deliveryId, courierId, assignmentId, courier, assignment, size, clock.instant()));
    }

    @CommandHandler
    void handle(UnassignCourier command, Clock clock) {
        if (!heldByACourier()) {
            throw UNASSIGNED_ONLY_BEFORE_PICKUP.violated("it is " + status);
        }
        if (command.courierId() != null) {
            requireTheAssignedCourier(command.courierId());
        }
        requireReason(command.reason());
        apply(new CourierUnassigned(deliveryId, courierId, assignmentId, command.reason(), clock.instant()));
    }

    @CommandHandler
    void handle(AcceptDelivery command, Clock clock) {
        if (status != DeliveryStatus.ASSIGNED) {
            throw ACCEPTED_ONLY_WHEN_ASSIGNED.violated("it is " + status);
        }
        requireTheAssignedCourier(command.courierId());
        apply(new DeliveryAccepted(deliveryId, courierId, clock.instant()));
    }

    @CommandHandler
    void handle(PickUpDelivery command, Clock clock) {
        if (!heldByACourier()) {
            throw PICKED_UP_ONLY_WHEN_ASSIGNED.violated("it is " + status);
        }
        requireTheAssignedCourier(command.courierId());
        apply(new DeliveryPickedUp(deliveryId, courierId, clock.instant()));
    }

    @CommandHandler
    void handle(ConfirmDelivery command) {
        if (status != DeliveryStatus.PICKED_UP) {
            throw DELIVERED_ONLY_AFTER_PICKUP.violated("it is " + status);
        }
        requireTheAssignedCourier(command.courierId());
        apply(new DeliveryDelivered(deliveryId, courierId, assignmentId, requireProof(command.proof())));
    }

    /** Without a courier id it is the engine giving up (e.g. nobody picked the parcel up in time). */
    @CommandHandler
    void handle(FailDelivery command, Clock clock) {
        if (status.isFinished()) {
            throw FAILS_ONLY_UNFINISHED.violated("it is " + status);
        }
        if (command.courierId() != null) {
            requireTheAssignedCourier(command.courierId());
        }
        requireReason(command.reason());
        apply(new DeliveryFailed(deliveryId, courierId, assignmentId, command.reason(), clock.instant()));
    }

    /** A saga compensating may cancel again: a cancelled delivery stays cancelled, nothing more. */
    @CommandHandler
    void handle(CancelDelivery command, Clock clock) {
        if (status == DeliveryStatus.CANCELLED) {
            return;
        }
        if (status == DeliveryStatus.PICKED_UP || status == DeliveryStatus.DELIVERED) {
            throw CANCELLED_ONLY_BEFORE_PICKUP.violated("it is " + status);
        }
        if (status == DeliveryStatus.FAILED) {
            throw FAILED_DELIVERY_NOT_CANCELLED.violated();
        }
        requireReason(command.reason());
        apply(new DeliveryCancelled(deliveryId, courierId, assignmentId, command.reason(), clock.instant()));
    }

    @EventSourcingHandler
    void on(DeliveryCreated event) {
        deliveryId = event.deliveryId();
        request = new CreateDelivery(event.deliveryId(), event.orderId(), event.pickup(), event.dropOff(),
                event.window(), event.size());
        size = event.size();
        status = DeliveryStatus.AWAITING_COURIER;
    }

    @EventSourcingHandler
    void on(CourierAssigned event) {
        holdBy(event.courierId(), event.assignmentId());
    }

    @EventSourcingHandler
    void on(CourierReassigned event) {
        holdBy(event.toCourierId(), event.toAssignmentId());
    }

    @EventSourcingHandler
    void on(CourierUnassigned event) {
        status = DeliveryStatus.AWAITING_COURIER;
        courierId = null;
        assignmentId = null;
    }

    @EventSourcingHandler
    void on(DeliveryAccepted event) {
        status = DeliveryStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(DeliveryPickedUp event) {
        status = DeliveryStatus.PICKED_UP;
    }

    @EventSourcingHandler
    void on(DeliveryDelivered event) {
        status = DeliveryStatus.DELIVERED;
    }

    @EventSourcingHandler
    void on(DeliveryFailed event) {
        status = DeliveryStatus.FAILED;
    }

    @EventSourcingHandler
    void on(DeliveryCancelled event) {
        status = DeliveryStatus.CANCELLED;
    }

    /**
     * Asks the courier for room before anything is recorded here: only the courier knows its shift
     * and its load. On the local command bus the courier's unit of work is nested in this one, so
     * its hold and this assignment commit together or not at all. Behind Axon Server the courier's
     * command commits on its own: should this assignment then fail to commit, no event names the
     * hold and nothing releases it.
     *
     * @return the new assignment's id
     */
    private String reserveRoomOn(CourierId courier, CommandGateway commands) {
        String assignment = UUID.randomUUID().toString();
        commands.sendAndWait(new TakeDelivery(courier, deliveryId, assignment, size));
        return assignment;
    }

    private void holdBy(CourierId courier, String assignment) {
        status = DeliveryStatus.ASSIGNED;
        courierId = courier;
        assignmentId = assignment;
    }

    private boolean heldByACourier() {
        return status == DeliveryStatus.ASSIGNED || status == DeliveryStatus.ACCEPTED;
    }

    private void requireTheAssignedCourier(CourierId courier) {
        if (courierId == null || !courierId.equals(courier)) {
            throw ONLY_THE_ASSIGNED_COURIER.violated();
        }
    }

    private static CourierId requireCourier(CourierId courier) {
        if (courier == null) {
            throw NEEDS_A_COURIER.violated();
        }
        return courier;
    }

    private static void requireComplete(CreateDelivery command) {
        if (command.orderId() == null) {
            throw NEEDS_AN_ORDER.violated();
        }
        if (command.pickup() == null) {
            throw NEEDS_A_PICKUP.violated();
        }
        if (command.dropOff() == null) {
            throw NEEDS_A_DROP_OFF.violated();
        }
        if (command.window() == null) {
            throw NEEDS_A_WINDOW.violated();
        }
        if (command.size() == null) {
            throw NEEDS_A_SIZE.violated();
        }
    }

    private static DeliveryProof requireProof(DeliveryProof proof) {
        if (proof == null || proof.deliveredAt() == null) {
            throw NEEDS_A_PROOF.violated();
        }
        if (tooLong(proof.signatureReference()) || tooLong(proof.photoReference())) {
            throw PROOF_REFERENCES_SHORT.violated();
        }
        return proof;
    }

    private static boolean tooLong(String reference) {
        return reference != null && reference.length() > DeliveryLimits.MAX_PROOF_REFERENCE_LENGTH;
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > DeliveryLimits.MAX_REASON_LENGTH) {
            throw REASON_GIVEN.violated();
        }
    }

    protected Delivery() {
        // Axon creates the instance, then event sourcing or the CreateDelivery handler fills it
    }
}
