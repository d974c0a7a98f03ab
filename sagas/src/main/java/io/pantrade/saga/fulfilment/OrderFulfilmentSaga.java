package io.pantrade.saga.fulfilment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.pantrade.kernel.Money;
import io.pantrade.kernel.delivery.CancelDelivery;
import io.pantrade.kernel.delivery.CourierAssigned;
import io.pantrade.kernel.delivery.CourierReassigned;
import io.pantrade.kernel.delivery.CourierUnassigned;
import io.pantrade.kernel.delivery.CreateDelivery;
import io.pantrade.kernel.delivery.DeliveryCancelled;
import io.pantrade.kernel.delivery.DeliveryDelivered;
import io.pantrade.kernel.delivery.DeliveryFailed;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.delivery.DeliveryPickedUp;
import io.pantrade.kernel.delivery.FailDelivery;
import io.pantrade.kernel.delivery.GeoPoint;
import io.pantrade.kernel.delivery.ParcelSize;
import io.pantrade.kernel.delivery.TimeWindow;
import io.pantrade.kernel.delivery.UnassignCourier;
import io.pantrade.kernel.fulfilment.FulfilmentIds;
import io.pantrade.kernel.order.CancelOrder;
import io.pantrade.kernel.order.CompleteOrder;
import io.pantrade.kernel.order.FulfilmentRequested;
import io.pantrade.kernel.order.OrderCancelled;
import io.pantrade.kernel.order.OrderCompleted;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.payment.AuthorizationExpired;
import io.pantrade.kernel.payment.AuthorizePayment;
import io.pantrade.kernel.payment.CapturePayment;
import io.pantrade.kernel.payment.PaymentAuthorized;
import io.pantrade.kernel.payment.PaymentCaptured;
import io.pantrade.kernel.payment.PaymentDeclined;
import io.pantrade.kernel.payment.PaymentFailed;
import io.pantrade.kernel.payment.PaymentId;
import io.pantrade.kernel.payment.PaymentOutcomeUnknown;
import io.pantrade.kernel.payment.PaymentRefunded;
import io.pantrade.kernel.payment.PaymentVoided;
import io.pantrade.kernel.payment.RefundPayment;
import io.pantrade.kernel.payment.VoidPayment;
import io.pantrade.kernel.privacy.SealedText;
import io.pantrade.kernel.rules.Rejections;
import io.pantrade.kernel.rules.RuleViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * One order's way from placement to completion: authorize the payment, create the delivery once
 * the money is held, wait for a courier, the pickup and the drop-off, then capture and complete.
 * Whatever goes wrong on the way (a declined payment, no courier, a failed delivery, the customer
 * cancelling before pickup) is undone: the delivery cancelled, the hold voided (or a capture
 * refunded), the order cancelled.
 * <p>
 * It waits at one step at a time, and every wait has a deadline. A payment whose outcome is unknown
 * is left to the reconciliation job: the saga never authorizes again and captures at most once (the
 * capture is named after the order). Its commands carry ids derived from the order's, so a step
 * repeated after a crash finds what the first attempt did. Events from the payment, the delivery
 * and the order may arrive in any order relative to each other; each handler checks where the
 * saga stands.
 * <p>
 * Public, with its fields visible to Jackson, because Axon creates sagas reflectively and stores
 * them as JSON.
 */
@Saga
@ProcessingGroup(OrderFulfilmentSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class OrderFulfilmentSaga {

    public static final String PROCESSING_GROUP = "order-fulfilment";
    static final String PAYMENT_OUTCOME = "fulfilment-payment-outcome";
    static final String COURIER_ASSIGNMENT = "fulfilment-courier-assignment";
    static final String PICKUP = "fulfilment-pickup";
    static final String DELIVERY = "fulfilment-delivery";

    private static final Logger log = LoggerFactory.getLogger(OrderFulfilmentSaga.class);
    private static final String PICKED_UP_ALREADY = "delivery.already-picked-up";

    /** RELEASING: a void or refund was accepted, its event is on its way */
    enum PaymentStage { REQUESTED, AUTHORIZED, CAPTURED, RELEASING, SETTLED }

    enum DeliveryStage { NOT_CREATED, AWAITING_COURIER, ASSIGNED, PICKED_UP, DELIVERED, ENDED }

    private OrderId orderId;
    private PaymentId paymentId;
    private DeliveryId deliveryId;
    private GeoPoint pickup;
    private SealedText dropOff;
    private TimeWindow window;
    private ParcelSize size;
    private PaymentStage payment = PaymentStage.REQUESTED;
    private Money authorized;
    private Money captured;
    private DeliveryStage delivery = DeliveryStage.NOT_CREATED;
    private boolean orderCancelled;
    /** why the order is being undone; {@code null} while it is on its way */
    private String givingUpBecause;
    private int pickupsMissed;
    private int round;
    private String deadlineName;
    private String deadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(FulfilmentRequested requested, CommandGateway commands, DeadlineManager deadlines,
            FulfilmentTimeouts timeouts) {
        if (orderId != null) {
            return;
        }
        orderId = requested.orderId();
        paymentId = FulfilmentIds.paymentOf(orderId);
        deliveryId = FulfilmentIds.deliveryOf(orderId);
        pickup = requested.fulfilment().pickup();
        dropOff = requested.dropOff();
        window = requested.fulfilment().window();
        size = requested.fulfilment().size();
        SagaLifecycle.associateWith("paymentId", paymentId.value());
        SagaLifecycle.associateWith("deliveryId", deliveryId.value());

        await(PAYMENT_OUTCOME, timeouts.paymentOutcome(), deadlines);
        attempt(commands, new AuthorizePayment(paymentId, orderId, requested.customerId(),
                requested.fulfilment().merchantId(), requested.total(), requested.fulfilment().card()))
                .ifPresent(refused -> {
                    payment = PaymentStage.SETTLED;
                    giveUp("payment refused: " + refused.code(), commands, deadlines);
                });
    }

    // --- payment -----------------------------------------------------------------------------

    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentAuthorized approved, CommandGateway commands, DeadlineManager deadlines,
            FulfilmentTimeouts timeouts) {
        if (payment != PaymentStage.REQUESTED) {
            return;
        }
        payment = PaymentStage.AUTHORIZED;
        authorized = approved.amount();
        if (givingUp()) {
            release(commands);
            return;
        }
        Optional<RuleViolation> refused = attempt(commands,
                new CreateDelivery(deliveryId, orderId, pickup, dropOff, window, size));
        if (refused.isPresent()) {
            giveUp("delivery refused: " + refused.get().code(), commands, deadlines);
            return;
        }
        delivery = DeliveryStage.AWAITING_COURIER;
        await(COURIER_ASSIGNMENT, timeouts.courierAssignment(), deadlines);
    }

    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentDeclined declined, CommandGateway commands, DeadlineManager deadlines) {
        settled(commands, deadlines, "payment declined: " + declined.reason());
    }

    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentFailed failed, CommandGateway commands, DeadlineManager deadlines) {
        settled(commands, deadlines, "payment failed: " + failed.reason());
    }

    /** Reconciliation will find out; until then, and until the payment deadline, the saga waits. */
    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentOutcomeUnknown unknown) {
        log.info("order {}: payment outcome unknown, waiting for reconciliation", orderId);
    }

    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentCaptured capture, CommandGateway commands, DeadlineManager deadlines) {
        payment = PaymentStage.CAPTURED;
        captured = captured == null ? capture.amount() : captured.plus(capture.amount());
        if (givingUp()) {
            release(commands);
        } else if (delivery == DeliveryStage.DELIVERED) {
            complete(commands, deadlines);
        }
    }

    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentVoided voided, CommandGateway commands, DeadlineManager deadlines) {
        settled(commands, deadlines, "payment voided: " + voided.reason());
    }

    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentRefunded refunded, CommandGateway commands, DeadlineManager deadlines) {
        settled(commands, deadlines, "payment refunded");
    }

    @SagaEventHandler(associationProperty = "paymentId")
    void on(AuthorizationExpired expired, CommandGateway commands, DeadlineManager deadlines) {
        settled(commands, deadlines, "payment authorization expired");
    }

    // --- delivery ----------------------------------------------------------------------------

    @SagaEventHandler(associationProperty = "deliveryId")
    void on(CourierAssigned assigned, DeadlineManager deadlines, FulfilmentTimeouts timeouts) {
        if (delivery == DeliveryStage.AWAITING_COURIER && !givingUp()) {
            delivery = DeliveryStage.ASSIGNED;
            await(PICKUP, timeouts.pickup(), deadlines);
        }
    }

    /** The new courier gets the whole pickup time. */
    @SagaEventHandler(associationProperty = "deliveryId")
    void on(CourierReassigned reassigned, DeadlineManager deadlines, FulfilmentTimeouts timeouts) {
        if (delivery == DeliveryStage.ASSIGNED && !givingUp()) {
            await(PICKUP, timeouts.pickup(), deadlines);
        }
    }

    @SagaEventHandler(associationProperty = "deliveryId")
    void on(CourierUnassigned unassigned, DeadlineManager deadlines, FulfilmentTimeouts timeouts) {
        if (delivery == DeliveryStage.ASSIGNED && !givingUp()) {
            delivery = DeliveryStage.AWAITING_COURIER;
            await(COURIER_ASSIGNMENT, timeouts.courierAssignment(), deadlines);
        }
    }

    @SagaEventHandler(associationProperty = "deliveryId")
    void on(DeliveryPickedUp pickedUp, DeadlineManager deadlines, FulfilmentTimeouts timeouts) {
        delivery = DeliveryStage.PICKED_UP;
        if (!givingUp()) {
            await(DELIVERY, timeouts.delivery(), deadlines);
        }
    }

    @SagaEventHandler(associationProperty = "deliveryId")
    void on(DeliveryDelivered delivered, CommandGateway commands, DeadlineManager deadlines) {
        delivery = DeliveryStage.DELIVERED;
        stopWaiting(deadlines);
        if (payment == PaymentStage.CAPTURED) {
            complete(commands, deadlines);
        } else if (payment == PaymentStage.AUTHORIZED) {
            attempt(commands, new CapturePayment(paymentId, FulfilmentIds.captureOf(orderId), authorized))
                    .ifPresent(refused -> giveUp("capture refused: " + refused.code(), commands, deadlines));
        }
    }

    @SagaEventHandler(associationProperty = "deliveryId")
    void on(DeliveryFailed failed, CommandGateway commands, DeadlineManager deadlines) {
        delivery = DeliveryStage.ENDED;
        giveUp("delivery failed: " + failed.reason(), commands, deadlines);
    }

    @SagaEventHandler(associationProperty = "deliveryId")
    void on(DeliveryCancelled cancelled, CommandGateway commands, DeadlineManager deadlines) {
        delivery = DeliveryStage.ENDED;
        giveUp(cancelled.reason(), commands, deadlines);
    }

    // --- order -------------------------------------------------------------------------------

    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderCancelled cancelled, CommandGateway commands, DeadlineManager deadlines) {
        orderCancelled = true;
        giveUp("order cancelled: " + cancelled.reason(), commands, deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderCompleted completed, DeadlineManager deadlines) {
        stopWaiting(deadlines);
    }

    // --- deadlines ---------------------------------------------------------------------------

    @DeadlineHandler(deadlineName = PAYMENT_OUTCOME)
    void paymentOverdue(StepDue due, CommandGateway commands, DeadlineManager deadlines, FulfilmentTimeouts timeouts) {
        if (isDue(due) && payment == PaymentStage.REQUESTED) {
            giveUp("payment not confirmed within " + timeouts.paymentOutcome(), commands, deadlines);
        }
    }

    @DeadlineHandler(deadlineName = COURIER_ASSIGNMENT)
    void courierOverdue(StepDue due, CommandGateway commands, DeadlineManager deadlines,
                        FulfilmentTimeouts timeouts) {
        if (isDue(due) && delivery == DeliveryStage.AWAITING_COURIER) {
            giveUp("no courier within " + timeouts.courierAssignment(), commands, deadlines);
        }
    }

    /** The courier did not come: another one gets the parcel, until too many have let it wait. */
    @DeadlineHandler(deadlineName = PICKUP)
    void pickupOverdue(StepDue due, CommandGateway commands, DeadlineManager deadlines, FulfilmentTimeouts timeouts) {
        if (!isDue(due) || delivery != DeliveryStage.ASSIGNED) {
            return;
        }
        pickupsMissed++;
        String reason = "not picked up within " + timeouts.pickup();
        if (pickupsMissed >= timeouts.pickupAttempts()) {
            giveUp(reason, commands, deadlines);
        } else {
            attempt(commands, new UnassignCourier(deliveryId, reason));
        }
    }

    /** The parcel is with a courier and does not arrive: the delivery fails, which undoes the order. */
    @DeadlineHandler(deadlineName = DELIVERY)
    void deliveryOverdue(StepDue due, CommandGateway commands, FulfilmentTimeouts timeouts) {
        if (isDue(due) && delivery == DeliveryStage.PICKED_UP) {
            attempt(commands, new FailDelivery(deliveryId, null, "not delivered within " + timeouts.delivery()));
        }
    }

    // --- steps -------------------------------------------------------------------------------

    private void complete(CommandGateway commands, DeadlineManager deadlines) {
        stopWaiting(deadlines);
        attempt(commands, new CompleteOrder(orderId));
    }

    /** The payment reached an end (declined, failed, voided, refunded, expired): nothing more to release. */
    private void settled(CommandGateway commands, DeadlineManager deadlines, String reason) {
        payment = PaymentStage.SETTLED;
        giveUp(reason, commands, deadlines);
    }

    /**
     * Undoes the order, as far as it got: the delivery is cancelled unless the parcel travels, the
     * money is released, the order cancelled. Called again as each of those is confirmed; the
     * saga ends once the order is cancelled and the payment settled.
     */
    private void giveUp(String reason, CommandGateway commands, DeadlineManager deadlines) {
        if (!givingUp()) {
            givingUpBecause = reason;
            log.info("order {}: undoing its fulfilment ({})", orderId, reason);
        }
        stopWaiting(deadlines);
        if (delivery == DeliveryStage.AWAITING_COURIER || delivery == DeliveryStage.ASSIGNED) {
            delivery = DeliveryStage.ENDED;
            attempt(commands, new CancelDelivery(deliveryId, givingUpBecause))
                    .filter(refused -> refused.code().equals(PICKED_UP_ALREADY))
                    .ifPresent(refused -> delivery = DeliveryStage.PICKED_UP);
        }
        release(commands);
        if (!orderCancelled) {
            orderCancelled = true;
            attempt(commands, new CancelOrder(orderId, givingUpBecause));
        }
        if (payment == PaymentStage.SETTLED) {
            SagaLifecycle.end();
        }
    }

    /** Voids what is held, or refunds what was captured; a payment still pending is released when it is answered. */
    private void release(CommandGateway commands) {
        Optional<RuleViolation> refused;
        if (payment == PaymentStage.AUTHORIZED) {
            refused = attempt(commands, new VoidPayment(paymentId, givingUpBecause));
        } else if (payment == PaymentStage.CAPTURED) {
            refused = attempt(commands, new RefundPayment(paymentId, FulfilmentIds.refundOf(orderId), captured,
                    givingUpBecause));
        } else {
            return;
        }
        if (refused.isEmpty()) {
            payment = PaymentStage.RELEASING;
        }
    }

    private boolean givingUp() {
        return givingUpBecause != null;
    }

    private void await(String step, Duration timeout, DeadlineManager deadlines) {
        stopWaiting(deadlines);
        round++;
        deadlineName = step;
        deadlineId = deadlines.schedule(timeout, step, new StepDue(round));
    }

    private void stopWaiting(DeadlineManager deadlines) {
        if (deadlineId != null) {
            deadlines.cancelSchedule(deadlineName, deadlineId);
            deadlineId = null;
        }
    }

    /** Whether {@code due} ends the current wait; if so, that wait is over (there is nothing left to cancel). */
    private boolean isDue(StepDue due) {
        if (due.round() != round || deadlineId == null) {
            return false;
        }
        deadlineId = null;
        return true;
    }

    /**
     * Sends a command and waits for it. A refusal (a business rule) is the saga's to handle and is
     * returned; any other failure propagates, so the event is retried and, failing that, parked in
     * the dead-letter queue.
     */
    private Optional<RuleViolation> attempt(CommandGateway commands, Object command) {
        try {
            commands.sendAndWait(command);
            return Optional.empty();
        } catch (RuntimeException failure) {
            Optional<RuleViolation> refused = Rejections.ruleOf(failure);
            if (refused.isEmpty()) {
                throw failure;
            }
            log.info("order {}: {} refused: {}", orderId, command.getClass().getSimpleName(), refused.get().code());
            return refused;
        }
    }
}
