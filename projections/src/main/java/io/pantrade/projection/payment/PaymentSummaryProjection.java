package io.pantrade.projection.payment;

import io.pantrade.kernel.payment.AuthorizationExpired;
import io.pantrade.kernel.payment.PaymentAuthorizationRequested;
import io.pantrade.kernel.payment.PaymentAuthorized;
import io.pantrade.kernel.payment.PaymentCaptured;
import io.pantrade.kernel.payment.PaymentDeclined;
import io.pantrade.kernel.payment.PaymentFailed;
import io.pantrade.kernel.payment.PaymentOutcomeUnknown;
import io.pantrade.kernel.payment.PaymentRefunded;
import io.pantrade.kernel.payment.PaymentVoided;
import io.pantrade.projection.MongoBatch;
import io.pantrade.projection.payment.PaymentSummaries.Step;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;

@ProcessingGroup(PaymentSummaryProjection.PROCESSOR)
public class PaymentSummaryProjection {

    public static final String PROCESSOR = "payment-summaries";

    private final PaymentSummaries summaries;

    public PaymentSummaryProjection(PaymentSummaries summaries) {
        this.summaries = summaries;
    }

    @EventHandler
    void on(PaymentAuthorizationRequested event, @SequenceNumber long sequence) {
        summaries.requested(event, sequence, MongoBatch.current());
    }

    @EventHandler
    void on(PaymentOutcomeUnknown event, @SequenceNumber long sequence) {
        summaries.stepped(event.paymentId(), sequence, Step.UNKNOWN, null, event.reason(), event.at(),
                MongoBatch.current());
        summaries.becameUnknown(event.paymentId(), event.at(), MongoBatch.current());
    }

    @EventHandler
    void on(PaymentAuthorized event, @SequenceNumber long sequence) {
        summaries.stepped(event.paymentId(), sequence, Step.AUTHORIZED, event.amount(), null, event.authorizedAt(),
                MongoBatch.current());
        summaries.authorized(event.paymentId(), event.providerReference(), event.expiresAt(), MongoBatch.current());
    }

    @EventHandler
    void on(PaymentDeclined event, @SequenceNumber long sequence) {
        summaries.stepped(event.paymentId(), sequence, Step.DECLINED, null, event.reason(), event.declinedAt(),
                MongoBatch.current());
        summaries.answered(event.paymentId(), MongoBatch.current());
    }

    @EventHandler
    void on(PaymentFailed event, @SequenceNumber long sequence) {
        summaries.stepped(event.paymentId(), sequence, Step.FAILED, null, event.reason(), event.failedAt(),
                MongoBatch.current());
        summaries.answered(event.paymentId(), MongoBatch.current());
    }

    @EventHandler
    void on(PaymentCaptured event, @SequenceNumber long sequence) {
        summaries.movedMoney(event.paymentId(), sequence, Step.CAPTURED, event.amount(), event.fee(), null,
                event.capturedAt(), MongoBatch.current());
    }

    @EventHandler
    void on(PaymentRefunded event, @SequenceNumber long sequence) {
        summaries.movedMoney(event.paymentId(), sequence, Step.REFUNDED, event.amount(), event.feeReturned(),
                event.reason(), event.refundedAt(), MongoBatch.current());
    }

    @EventHandler
    void on(PaymentVoided event, @SequenceNumber long sequence) {
        summaries.stepped(event.paymentId(), sequence, Step.VOIDED, event.released(), event.reason(),
                event.voidedAt(), MongoBatch.current());
    }

    @EventHandler
    void on(AuthorizationExpired event, @SequenceNumber long sequence) {
        summaries.stepped(event.paymentId(), sequence, Step.EXPIRED, event.released(), null, event.expiredAt(),
                MongoBatch.current());
    }

    @ResetHandler
    void reset() {
        summaries.dropAll();
    }
}
