package io.pantrade.projection.payment;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.payment.AwaitingOutcome;
import io.pantrade.kernel.payment.CardReference;
import io.pantrade.kernel.payment.MerchantId;
import io.pantrade.kernel.payment.PaymentAuthorizationRequested;
import io.pantrade.kernel.payment.PaymentId;
import io.pantrade.kernel.payment.PaymentStatus;
import io.pantrade.kernel.payment.PaymentView;
import io.pantrade.projection.MongoBatch;
import io.pantrade.projection.StepKeys;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The payments read model: one document per payment holding its parties and every step it went
 * through, keyed by the event's sequence number so that handling an event twice writes the same
 * entry. Totals and the status are worked out from the steps when read, never incremented. Beside
 * it, one document per payment still waiting for the provider's answer, for reconciliation.
 */
public class PaymentSummaries {

    static final String PAYMENTS = "payments";
    static final String AWAITING = "payments_awaiting_outcome";

    private final MongoCollection<Document> payments;
    private final MongoCollection<Document> awaiting;

    public PaymentSummaries(MongoDatabase database) {
        this.payments = database.getCollection(PAYMENTS);
        this.awaiting = database.getCollection(AWAITING);
    }

    void requested(PaymentAuthorizationRequested event, long sequence, MongoBatch batch) {
        String id = event.paymentId().value();
        Document card = new Document("token", event.card().token())
                .append("brand", event.card().brand())
                .append("last4", event.card().last4());
        Date requestedAt = Date.from(event.requestedAt());
        batch.createIfAbsent(payments, new Document("_id", id)
                .append("orderId", event.orderId().value())
                .append("customerId", event.customerId().value())
                .append("merchantId", event.merchantId().value())
                .append("currency", event.amount().currency())
                .append("card", card)
                .append("history", new Document(StepKeys.of(sequence), step(Step.REQUESTED, event.amount().amountMinor(), null,
                        event.requestedAt()))));
        batch.createIfAbsent(awaiting, new Document("_id", id)
                .append("merchantId", event.merchantId().value())
                .append("amountMinor", event.amount().amountMinor())
                .append("currency", event.amount().currency())
                .append("card", card)
                .append("requestedAt", requestedAt));
    }

    void stepped(PaymentId paymentId, long sequence, Step step, Money amount, String reason, Instant at,
                 MongoBatch batch) {
        batch.setField(payments, paymentId.value(), "history." + StepKeys.of(sequence),
                step(step, amount == null ? null : amount.amountMinor(), reason, at));
    }

    /** The fee rides on its step: captures and refunds are the only steps that move fees. */
    void movedMoney(PaymentId paymentId, long sequence, Step step, Money amount, Money fee, String reason, Instant at,
                    MongoBatch batch) {
        batch.setField(payments, paymentId.value(), "history." + StepKeys.of(sequence),
                step(step, amount.amountMinor(), reason, at).append("feeMinor", fee.amountMinor()));
    }

    void authorized(PaymentId paymentId, String providerReference, Instant expiresAt, MongoBatch batch) {
        batch.setField(payments, paymentId.value(), "providerReference", providerReference);
        batch.setField(payments, paymentId.value(), "expiresAt", Date.from(expiresAt));
        answered(paymentId, batch);
    }

    void answered(PaymentId paymentId, MongoBatch batch) {
        batch.add(awaiting, new DeleteOneModel<>(Filters.eq("_id", paymentId.value())));
    }

    void becameUnknown(PaymentId paymentId, Instant at, MongoBatch batch) {
        batch.setField(awaiting, paymentId.value(), "unknownSince", Date.from(at));
    }

    void dropAll() {
        payments.drop();
        awaiting.drop();
    }

    public Optional<PaymentView> find(PaymentId paymentId) {
        return Optional.ofNullable(payments.find(Filters.eq("_id", paymentId.value())).first())
                .map(PaymentSummaries::viewOf);
    }

    /** The whole collection: it holds only the payments in flight, so it stays small. */
    public List<AwaitingOutcome> awaitingOutcome() {
        List<AwaitingOutcome> found = new ArrayList<>();
        for (Document document : awaiting.find()) {
            found.add(new AwaitingOutcome(new PaymentId(document.getString("_id")),
                    new MerchantId(document.getString("merchantId")),
                    new Money(document.getLong("amountMinor"), document.getString("currency")),
                    cardOf(document), instant(document, "requestedAt"), instant(document, "unknownSince")));
        }
        return found;
    }

    public long count() {
        return payments.countDocuments();
    }

    /** What happened to a payment, as its history shows it. */
    enum Step {
        REQUESTED, UNKNOWN, AUTHORIZED, DECLINED, FAILED, CAPTURED, VOIDED, REFUNDED, EXPIRED
    }

    private static PaymentView viewOf(Document document) {
        String currency = document.getString("currency");
        List<Document> steps = new ArrayList<>();
        Document history = document.get("history", Document.class);
        history.entrySet().stream()
                .sorted(Comparator.comparing(entry -> StepKeys.sequenceOf(entry.getKey())))
                .map(Map.Entry::getValue)
                .forEach(step -> steps.add((Document) step));
        Totals totals = new Totals();
        List<PaymentView.Step> viewSteps = new ArrayList<>();
        for (Document step : steps) {
            Step type = Step.valueOf(step.getString("type"));
            Long amountMinor = step.getLong("amountMinor");
            totals.add(type, amountMinor, step.getLong("feeMinor"));
            viewSteps.add(new PaymentView.Step(type.name(), amountMinor == null ? null : new Money(amountMinor, currency),
                    step.getString("reason"), step.getDate("at").toInstant()));
        }
        return new PaymentView(new PaymentId(document.getString("_id")),
                new OrderId(document.getString("orderId")),
                new CustomerId(document.getString("customerId")),
                new MerchantId(document.getString("merchantId")),
                totals.status,
                new Money(totals.authorized, currency),
                new Money(totals.captured, currency),
                new Money(totals.refunded, currency),
                new Money(totals.fees, currency),
                cardOf(document),
                document.getString("providerReference"),
                instant(document, "expiresAt"),
                viewSteps);
    }

    /** Replays the steps in order; the aggregate has checked them, this only adds up. */
    private static final class Totals {
        private PaymentStatus status = PaymentStatus.PENDING;
        private long requested;
        private long authorized;
        private long captured;
        private long refunded;
        private long fees;

        void add(Step type, Long amountMinor, Long feeMinor) {
            switch (type) {
                case REQUESTED -> requested = amountMinor;
                case UNKNOWN -> status = PaymentStatus.UNKNOWN;
                case AUTHORIZED -> {
                    authorized = requested;
                    status = PaymentStatus.AUTHORIZED;
                }
                case DECLINED -> status = PaymentStatus.DECLINED;
                case FAILED -> status = PaymentStatus.FAILED;
                case CAPTURED -> {
                    captured += amountMinor;
                    fees += feeMinor;
                    status = PaymentStatus.CAPTURED;
                }
                case VOIDED -> status = PaymentStatus.VOIDED;
                case REFUNDED -> {
                    refunded += amountMinor;
                    fees -= feeMinor;
                    status = refunded == captured ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
                }
                case EXPIRED -> {
                    if (status == PaymentStatus.AUTHORIZED) {
                        status = PaymentStatus.EXPIRED;
                    }
                }
            }
        }
    }

    private static Document step(Step type, Long amountMinor, String reason, Instant at) {
        return new Document("type", type.name())
                .append("amountMinor", amountMinor)
                .append("reason", reason)
                .append("at", Date.from(at));
    }

    private static CardReference cardOf(Document document) {
        Document card = document.get("card", Document.class);
        return new CardReference(card.getString("token"), card.getString("brand"), card.getString("last4"));
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
