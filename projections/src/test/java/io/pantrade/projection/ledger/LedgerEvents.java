package io.pantrade.projection.ledger;

import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.payment.CardReference;
import io.pantrade.kernel.payment.MerchantId;
import io.pantrade.kernel.payment.PaymentAuthorizationRequested;
import io.pantrade.kernel.payment.PaymentCaptured;
import io.pantrade.kernel.payment.PaymentId;
import io.pantrade.kernel.payment.PaymentRefunded;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.UUID;

/** Payment events, and the messages a streaming processor hands the ledger projection. */
final class LedgerEvents {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private LedgerEvents() {
    }

    static PaymentId payment() {
        return new PaymentId(UUID.randomUUID().toString());
    }

    static CustomerId customer() {
        return new CustomerId(UUID.randomUUID().toString());
    }

    static MerchantId merchant() {
        return new MerchantId(UUID.randomUUID().toString());
    }

    static PaymentAuthorizationRequested requested(PaymentId payment, CustomerId customer, MerchantId merchant,
                                                   long amount) {
        return new PaymentAuthorizationRequested(payment, OrderId.random(), customer, merchant, eur(amount),
                new CardReference("tok_1", "VISA", "4242"), T0);
    }

    static PaymentCaptured captured(PaymentId payment, String captureId, long amount, long fee) {
        return new PaymentCaptured(payment, captureId, eur(amount), eur(fee), T0.plusSeconds(60));
    }

    static PaymentRefunded refunded(PaymentId payment, String refundId, long amount, long feeReturned) {
        return new PaymentRefunded(payment, refundId, eur(amount), eur(feeReturned), "returned", T0.plusSeconds(120));
    }

    static Money eur(long cents) {
        return new Money(cents, "EUR");
    }

    /** An event of a payment as the aggregate publishes it, with an id of its own. */
    static GenericDomainEventMessage<Object> message(PaymentId payment, long sequence, Object event) {
        return new GenericDomainEventMessage<>("Payment", payment.value(), sequence, event, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), T0.plusSeconds(sequence));
    }

    /** The same event (same id) as delivered at a processor position. */
    static TrackedEventMessage<Object> delivered(GenericDomainEventMessage<Object> event, long position) {
        return delivered(event, new GlobalSequenceTrackingToken(position));
    }

    static TrackedEventMessage<Object> delivered(GenericDomainEventMessage<Object> event, TrackingToken token) {
        return new GenericTrackedDomainEventMessage<>(token, event);
    }
}
