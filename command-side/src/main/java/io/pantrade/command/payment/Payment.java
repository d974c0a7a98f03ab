package io.pantrade.command.payment;

import io.pantrade.command.AggregateCaches;
import io.pantrade.kernel.Money;
import io.pantrade.kernel.payment.AuthorizationExpired;
import io.pantrade.kernel.payment.AuthorizationOutcome;
import io.pantrade.kernel.payment.AuthorizePayment;
import io.pantrade.kernel.payment.CapturePayment;
import io.pantrade.kernel.payment.Fees;
import io.pantrade.kernel.payment.MarkAuthorizationUnknown;
import io.pantrade.kernel.payment.PaymentAuthorizationRequested;
import io.pantrade.kernel.payment.PaymentAuthorized;
import io.pantrade.kernel.payment.PaymentCaptured;
import io.pantrade.kernel.payment.PaymentDeclined;
import io.pantrade.kernel.payment.PaymentFailed;
import io.pantrade.kernel.payment.PaymentId;
import io.pantrade.kernel.payment.PaymentOutcomeUnknown;
import io.pantrade.kernel.payment.PaymentRefunded;
import io.pantrade.kernel.payment.PaymentStatus;
import io.pantrade.kernel.payment.PaymentVoided;
import io.pantrade.kernel.payment.RecordAuthorizationOutcome;
import io.pantrade.kernel.payment.RefundPayment;
import io.pantrade.kernel.payment.VoidPayment;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static io.pantrade.command.payment.PaymentRule.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A card payment: an authorization the provider answers asynchronously, then captures up to the
 * authorized amount while the hold lasts, or a void before any capture, then refunds up to what was
 * captured. The money rules hold whatever order commands arrive in, however often they are repeated.
 */
@Aggregate(cache = AggregateCaches.PAYMENTS)
class Payment {

    static final String EXPIRY_DEADLINE = "authorization-expiry";

    @AggregateIdentifier
    private PaymentId paymentId;
    private AuthorizePayment request;
    private PaymentStatus status;
    private AuthorizationOutcome outcome;
    private Money authorized;
    private Money captured;
    private Money fees;
    private Money refunded;
    private Money feesReturned;
    private Instant expiresAt;
    private boolean holdReleased;
    private final Map<String, Money> captures = new HashMap<>();
    private final Map<String, Money> refunds = new HashMap<>();

    /**
     * The payment id comes from the client's Idempotency-Key, so a request re-run after a crash (its
     * events stored, its answer lost) finds its payment here and asks the provider nothing twice.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AuthorizePayment command, PaymentTerms terms, Clock clock) {
        if (paymentId != null) {
            if (!command.equals(request)) {
                throw PAYMENT_ID_TAKEN.violated();
            }
            return;
        }
        requireParties(command);
        requirePositive(command.amount());
        if (command.amount().amountMinor() > terms.maxAmountMinor()) {
            throw AMOUNT_WITHIN_LIMIT.violated(command.amount().amountMinor() + " > " + terms.maxAmountMinor());
        }
        apply(new PaymentAuthorizationRequested(command.paymentId(), command.orderId(), command.customerId(),
                command.merchantId(), command.amount(), command.card(), clock.instant()));
    }

    /** A provider may repeat its answer (webhook retries, reconciliation): the same answer changes nothing. */
    @CommandHandler
    void handle(RecordAuthorizationOutcome command, PaymentTerms terms, Clock clock, DeadlineManager deadlines) {
        if (outcome != null) {
            if (outcome != command.outcome()) {
                throw OUTCOME_RECORDED_ONCE.violated("recorded " + outcome + ", now told " + command.outcome());
            }
            return;
        }
        Instant now = clock.instant();
        if (command.outcome() == AuthorizationOutcome.APPROVED) {
            Instant expiry = now.plus(terms.holdPeriod());
            apply(new PaymentAuthorized(paymentId, authorized, command.providerReference(), now, expiry));
            deadlines.schedule(expiry, EXPIRY_DEADLINE, new HoldEnds(expiry));
        } else if (command.outcome() == AuthorizationOutcome.DECLINED) {
            apply(new PaymentDeclined(paymentId, reasonOrUnknown(command.reason()), now));
        } else {
            apply(new PaymentFailed(paymentId, reasonOrUnknown(command.reason()), now));
        }
    }

    /** Only a payment still waiting can become unknown: a late time-out must not hide an answer. */
    @CommandHandler
    void handle(MarkAuthorizationUnknown command, Clock clock) {
        if (status == PaymentStatus.PENDING) {
            apply(new PaymentOutcomeUnknown(paymentId, reasonOrUnknown(command.reason()), clock.instant()));
        }
    }

    @CommandHandler
    void handle(CapturePayment command, PaymentTerms terms, Clock clock) {
        Money earlier = captures.get(command.captureId());
        if (earlier != null) {
            if (!earlier.equals(command.amount())) {
                throw CAPTURE_ID_TAKEN.violated();
            }
            return;
        }
        Money amount = requireAmountInOurCurrency(command.amount());
        requireApprovedAndNotVoided();
        if (!refunded.equals(Money.zero(refunded.currency()))) {
            throw NO_CAPTURE_AFTER_REFUND.violated();
        }
        Money left = authorized.minus(captured);
        if (amount.amountMinor() > left.amountMinor()) {
            throw CAPTURE_WITHIN_AUTHORIZED.violated(amount.amountMinor() + " asked, " + left.amountMinor() + " left");
        }
        requireHoldNotExpired(clock.instant());
        apply(new PaymentCaptured(paymentId, command.captureId(), amount, terms.feeFor(amount), clock.instant()));
    }

    @CommandHandler
    void handle(VoidPayment command, Clock clock) {
        requireReason(command.reason());
        requireApprovedAndNotVoided();
        if (captured.amountMinor() > 0) {
            throw NO_VOID_AFTER_CAPTURE.violated();
        }
        requireHoldNotExpired(clock.instant());
        apply(new PaymentVoided(paymentId, authorized, command.reason(), clock.instant()));
    }

    @CommandHandler
    void handle(RefundPayment command, Clock clock) {
        Money earlier = refunds.get(command.refundId());
        if (earlier != null) {
            if (!earlier.equals(command.amount())) {
                throw REFUND_ID_TAKEN.violated();
            }
            return;
        }
        requireReason(command.reason());
        Money amount = requireAmountInOurCurrency(command.amount());
        requireApprovedAndNotVoided();
        if (captured.amountMinor() == 0) {
            throw REFUND_NEEDS_A_CAPTURE.violated();
        }
        Money left = captured.minus(refunded);
        if (amount.amountMinor() > left.amountMinor()) {
            throw REFUND_WITHIN_CAPTURED.violated(amount.amountMinor() + " asked, " + left.amountMinor() + " left");
        }
        Money feeReturned = Fees.returnedWith(amount, captured, fees, refunded, feesReturned);
        apply(new PaymentRefunded(paymentId, command.refundId(), amount, feeReturned, command.reason(),
                clock.instant()));
    }

    /**
     * Fires at the end of the hold period. It is never cancelled: it may find the hold used up, voided
     * or released by a refund, and then does nothing.
     */
    @DeadlineHandler(deadlineName = EXPIRY_DEADLINE)
    void expire(HoldEnds hold) {
        if (!holdReleased) {
            apply(new AuthorizationExpired(paymentId, authorized.minus(captured), hold.at()));
        }
    }

    @EventSourcingHandler
    void on(PaymentAuthorizationRequested event) {
        paymentId = event.paymentId();
        request = new AuthorizePayment(event.paymentId(), event.orderId(), event.customerId(), event.merchantId(),
                event.amount(), event.card());
        status = PaymentStatus.PENDING;
        authorized = event.amount();
        captured = Money.zero(event.amount().currency());
        fees = captured;
        refunded = captured;
        feesReturned = captured;
    }

    @EventSourcingHandler
    void on(PaymentOutcomeUnknown event) {
        status = PaymentStatus.UNKNOWN;
    }

    @EventSourcingHandler
    void on(PaymentAuthorized event) {
        outcome = AuthorizationOutcome.APPROVED;
        status = PaymentStatus.AUTHORIZED;
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(PaymentDeclined event) {
        outcome = AuthorizationOutcome.DECLINED;
        status = PaymentStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(PaymentFailed event) {
        outcome = AuthorizationOutcome.FAILED;
        status = PaymentStatus.FAILED;
    }

    @EventSourcingHandler
    void on(PaymentCaptured event) {
        captures.put(event.captureId(), event.amount());
        captured = captured.plus(event.amount());
        fees = fees.plus(event.fee());
        status = PaymentStatus.CAPTURED;
        holdReleased = captured.equals(authorized);
    }

    @EventSourcingHandler
    void on(PaymentVoided event) {
        status = PaymentStatus.VOIDED;
        holdReleased = true;
    }

    @EventSourcingHandler
    void on(PaymentRefunded event) {
        refunds.put(event.refundId(), event.amount());
        refunded = refunded.plus(event.amount());
        feesReturned = feesReturned.plus(event.feeReturned());
        status = refunded.equals(captured) ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        holdReleased = true;
    }

    @EventSourcingHandler
    void on(AuthorizationExpired event) {
        holdReleased = true;
        if (status == PaymentStatus.AUTHORIZED) {
            status = PaymentStatus.EXPIRED;
        }
    }

    private static void requireParties(AuthorizePayment command) {
        if (command.orderId() == null) {
            throw NEEDS_AN_ORDER.violated();
        }
        if (command.customerId() == null) {
            throw NEEDS_A_CUSTOMER.violated();
        }
        if (command.merchantId() == null) {
            throw NEEDS_A_MERCHANT.violated();
        }
        if (command.card() == null || command.card().token() == null) {
            throw NEEDS_A_CARD.violated();
        }
    }

    private static void requirePositive(Money amount) {
        if (amount == null || amount.amountMinor() <= 0) {
            throw AMOUNT_POSITIVE.violated();
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > PaymentTerms.MAX_REASON_LENGTH) {
            throw REASON_GIVEN.violated();
        }
    }

    private Money requireAmountInOurCurrency(Money amount) {
        requirePositive(amount);
        if (!amount.currency().equals(authorized.currency())) {
            throw CURRENCY_OF_THE_AUTHORIZATION.violated(amount.currency() + " is not " + authorized.currency());
        }
        return amount;
    }

    /** Captures, voids and refunds need an approved authorization that was not voided. */
    private void requireApprovedAndNotVoided() {
        if (status == PaymentStatus.PENDING || status == PaymentStatus.UNKNOWN) {
            throw AWAITING_THE_PROVIDER.violated();
        }
        if (status == PaymentStatus.DECLINED || status == PaymentStatus.FAILED) {
            throw NOT_AUTHORIZED.violated();
        }
        if (status == PaymentStatus.VOIDED) {
            throw VOIDED.violated();
        }
    }

    /** The deadline may run late, so the clock decides too. */
    private void requireHoldNotExpired(Instant now) {
        if (holdReleased || !now.isBefore(expiresAt)) {
            throw EXPIRED.violated("it ended at " + expiresAt);
        }
    }

    private static String reasonOrUnknown(String reason) {
        return reason == null || reason.isBlank() ? "not given" : reason;
    }

    /** The deadline's payload: the hold ends at this business time, however late the deadline runs. */
    record HoldEnds(Instant at) {
    }

    protected Payment() {
        // Axon creates the instance, then event sourcing or the AuthorizePayment handler fills it
    }
}
