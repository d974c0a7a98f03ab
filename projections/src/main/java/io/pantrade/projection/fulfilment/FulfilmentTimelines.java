package io.pantrade.projection.fulfilment;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.pantrade.kernel.delivery.DeliveryCreated;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.fulfilment.FulfilmentIds;
import io.pantrade.kernel.fulfilment.FulfilmentStage;
import io.pantrade.kernel.fulfilment.FulfilmentView;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.payment.PaymentAuthorizationRequested;
import io.pantrade.kernel.payment.PaymentId;
import io.pantrade.projection.MongoBatch;
import io.pantrade.projection.StepKeys;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order timeline read model: one collection, read only by {@code _id}, holding one document per
 * aggregate that takes part in an order's fulfilment:
 * <ul>
 *   <li>{@code order:<order id>}, created by {@code FulfilmentRequested}: the order's own steps;
 *   <li>{@code payment:<payment id>}, created by the authorization request of the payment
 *       {@link FulfilmentIds} derives from the order id: the payment's steps. A payment made for an
 *       order through the payments API has another id and gets no document;
 *   <li>{@code delivery:<delivery id>}, created by the {@code DeliveryCreated} of the derived delivery.
 * </ul>
 * Every other event adds its step to its aggregate's document if there is one (an update that
 * creates nothing), so the events of orders, payments and deliveries without fulfilment cost no
 * read and leave nothing behind. A timeline is the three documents, read with one {@code $in} on
 * the ids derived from the order id: no document needs another's, so the processor's segments may
 * take the order's, the payment's and the delivery's events in any interleaving.
 * <p>
 * Steps are keyed by the event's sequence number in its aggregate, so an event handled twice
 * writes the same entry; the stage is worked out from the steps when read, never stored.
 */
public class FulfilmentTimelines {

    static final String TIMELINES = "fulfilment_timelines";

    private final MongoCollection<Document> timelines;

    public FulfilmentTimelines(MongoDatabase database) {
        this.timelines = database.getCollection(TIMELINES);
    }

    void requested(OrderId orderId, long sequence, Instant at, MongoBatch batch) {
        started(Part.ORDER.id(orderId.value()), orderId, sequence, Step.FULFILMENT_REQUESTED, at, batch);
    }

    void paymentRequested(PaymentAuthorizationRequested event, long sequence, MongoBatch batch) {
        if (event.paymentId().equals(FulfilmentIds.paymentOf(event.orderId()))) {
            started(Part.PAYMENT.id(event.paymentId().value()), event.orderId(), sequence, Step.PAYMENT_REQUESTED,
                    event.requestedAt(), batch);
        }
    }

    void deliveryCreated(DeliveryCreated event, long sequence, MongoBatch batch) {
        if (event.deliveryId().equals(FulfilmentIds.deliveryOf(event.orderId()))) {
            started(Part.DELIVERY.id(event.deliveryId().value()), event.orderId(), sequence, Step.DELIVERY_CREATED,
                    event.createdAt(), batch);
        }
    }

    void orderStepped(OrderId orderId, long sequence, Step step, String detail, Instant at, MongoBatch batch) {
        stepped(Part.ORDER.id(orderId.value()), sequence, step, detail, at, batch);
    }

    void paymentStepped(PaymentId paymentId, long sequence, Step step, String detail, Instant at, MongoBatch batch) {
        stepped(Part.PAYMENT.id(paymentId.value()), sequence, step, detail, at, batch);
    }

    void deliveryStepped(DeliveryId deliveryId, long sequence, Step step, String detail, Instant at, MongoBatch batch) {
        stepped(Part.DELIVERY.id(deliveryId.value()), sequence, step, detail, at, batch);
    }

    void dropAll() {
        timelines.drop();
    }

    /** @return the timeline, or empty when the order has no fulfilment (yet) */
    public Optional<FulfilmentView> find(OrderId orderId) {
        PaymentId paymentId = FulfilmentIds.paymentOf(orderId);
        DeliveryId deliveryId = FulfilmentIds.deliveryOf(orderId);
        Map<String, Document> parts = new HashMap<>();
        timelines.find(Filters.in("_id", Part.ORDER.id(orderId.value()), Part.PAYMENT.id(paymentId.value()),
                Part.DELIVERY.id(deliveryId.value()))).forEach(document -> parts.put(document.getString("_id"), document));
        Document order = parts.get(Part.ORDER.id(orderId.value()));
        if (order == null) {
            return Optional.empty();
        }
        Document payment = parts.get(Part.PAYMENT.id(paymentId.value()));
        Document delivery = parts.get(Part.DELIVERY.id(deliveryId.value()));
        List<Taken> taken = new ArrayList<>();
        for (Document part : new Document[]{order, payment, delivery}) {
            if (part != null) {
                part.get("steps", Document.class).forEach((key, step) ->
                        taken.add(Taken.of(StepKeys.sequenceOf(key), (Document) step)));
            }
        }
        taken.sort(Comparator.comparing(Taken::at).thenComparing(Taken::step).thenComparingLong(Taken::sequence));
        return Optional.of(new FulfilmentView(orderId, stageAfter(taken),
                payment == null ? null : paymentId,
                delivery == null ? null : deliveryId,
                taken.stream().map(step -> new FulfilmentView.Step(step.step().label, step.detail(), step.at())).toList()));
    }

    public long count() {
        return timelines.countDocuments();
    }

    /**
     * What happened, in the order a fulfilment goes (which also orders steps taken at the same
     * instant), and the stage it leads to; {@code null} where the stage stays as it was (a declined
     * payment leaves the order waiting for its payment until the order is cancelled).
     */
    enum Step {
        FULFILMENT_REQUESTED("fulfilment-requested", FulfilmentStage.AWAITING_PAYMENT),
        PAYMENT_REQUESTED("payment-requested", FulfilmentStage.AWAITING_PAYMENT),
        PAYMENT_UNKNOWN("payment-unknown", null),
        PAYMENT_DECLINED("payment-declined", null),
        PAYMENT_FAILED("payment-failed", null),
        PAYMENT_AUTHORIZED("payment-authorized", FulfilmentStage.AWAITING_COURIER),
        DELIVERY_CREATED("delivery-created", FulfilmentStage.AWAITING_COURIER),
        COURIER_ASSIGNED("courier-assigned", FulfilmentStage.COURIER_ASSIGNED),
        COURIER_REASSIGNED("courier-reassigned", FulfilmentStage.COURIER_ASSIGNED),
        COURIER_UNASSIGNED("courier-unassigned", FulfilmentStage.AWAITING_COURIER),
        DELIVERY_ACCEPTED("delivery-accepted", FulfilmentStage.COURIER_ASSIGNED),
        PICKED_UP("picked-up", FulfilmentStage.PICKED_UP),
        DELIVERED("delivered", FulfilmentStage.DELIVERED),
        DELIVERY_FAILED("delivery-failed", null),
        DELIVERY_CANCELLED("delivery-cancelled", null),
        PAYMENT_CAPTURED("payment-captured", null),
        PAYMENT_VOIDED("payment-voided", null),
        PAYMENT_EXPIRED("payment-expired", null),
        PAYMENT_REFUNDED("payment-refunded", null),
        ORDER_COMPLETED("order-completed", FulfilmentStage.COMPLETED),
        ORDER_CANCELLED("order-cancelled", FulfilmentStage.CANCELLED);

        private final String label;
        private final FulfilmentStage stage;

        Step(String label, FulfilmentStage stage) {
            this.label = label;
            this.stage = stage;
        }
    }

    /** The latest step that moves the stage decides it; a completed or cancelled order stays so. */
    private static FulfilmentStage stageAfter(List<Taken> steps) {
        FulfilmentStage stage = FulfilmentStage.AWAITING_PAYMENT;
        for (Taken taken : steps) {
            boolean over = stage == FulfilmentStage.COMPLETED || stage == FulfilmentStage.CANCELLED;
            if (!over && taken.step().stage != null) {
                stage = taken.step().stage;
            }
        }
        return stage;
    }

    private void started(String id, OrderId orderId, long sequence, Step step, Instant at, MongoBatch batch) {
        batch.createIfAbsent(timelines, new Document("_id", id)
                .append("orderId", orderId.value())
                .append("steps", new Document(StepKeys.of(sequence), step(step, null, at))));
    }

    private void stepped(String id, long sequence, Step step, String detail, Instant at, MongoBatch batch) {
        batch.add(timelines, new UpdateOneModel<>(Filters.eq("_id", id),
                Updates.set("steps." + StepKeys.of(sequence), step(step, detail, at))));
    }

    private static Document step(Step step, String detail, Instant at) {
        return new Document("step", step.name()).append("detail", detail).append("at", Date.from(at));
    }

    /** Which aggregate a document follows: its {@code _id} is the prefix and the aggregate's id. */
    private enum Part {
        ORDER("order:"), PAYMENT("payment:"), DELIVERY("delivery:");

        private final String prefix;

        Part(String prefix) {
            this.prefix = prefix;
        }

        String id(String aggregateId) {
            return prefix + aggregateId;
        }
    }

    private record Taken(long sequence, Step step, String detail, Instant at) {

        static Taken of(long sequence, Document step) {
            return new Taken(sequence, Step.valueOf(step.getString("step")), step.getString("detail"),
                    step.getDate("at").toInstant());
        }
    }
}
