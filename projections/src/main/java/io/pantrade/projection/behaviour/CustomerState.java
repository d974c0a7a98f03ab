package io.pantrade.projection.behaviour;

import io.pantrade.kernel.Money;
import io.pantrade.kernel.order.OrderLine;
import io.pantrade.projection.Delivery;
import io.pantrade.projection.RecentEvents;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One customer's behaviour as a batch of events changes it: read from its document once per batch,
 * changed in memory, and written back whole (absolute values, never {@code $inc}), together with
 * the events it took in. An event it has taken in before (see {@link RecentEvents}) changes
 * nothing, so a delivery made twice counts once. Whole, because the embedded server splits and
 * pattern-matches every field path of a {@code $set} and copies the document twice either way: with
 * replacements a rebuild of a live-like mix ran 19% faster ({@code BehaviourRebuildBench}).
 */
final class CustomerState {

    private final String customerId;
    private final Map<String, Double> weights;
    private final Map<String, Long> bought;
    private final List<String> cooccurrenceSkus;
    private final int cooccurrenceSkusAtLoad;
    /** For each SKU that joined {@link #cooccurrenceSkus} in this batch, in order: the event that made it join. */
    private final List<Delivery> joinedBy = new ArrayList<>();
    private Delivery taking;
    /** Whether this state was read from a document, rather than the customer being new to the read model. */
    private boolean stored;
    private List<String> lastPurchase;
    private Instant lastPurchaseAt;
    private Instant lastInteractionAt;
    private Instant firstOrderAt;
    private Instant lastOrderAt;
    private long orders;
    private long items;
    private long cancelled;
    private long returned;
    private String currency;
    private long monetaryMinor;
    private RecentEvents recent;
    private boolean changed;

    private CustomerState(String customerId, Map<String, Double> weights, Map<String, Long> bought,
                          List<String> cooccurrenceSkus, RecentEvents recent) {
        this.customerId = customerId;
        this.weights = weights;
        this.bought = bought;
        this.cooccurrenceSkus = cooccurrenceSkus;
        this.cooccurrenceSkusAtLoad = cooccurrenceSkus.size();
        this.recent = recent;
        this.lastPurchase = List.of();
    }

    static CustomerState none(String customerId) {
        return new CustomerState(customerId, new HashMap<>(), new HashMap<>(), new ArrayList<>(), RecentEvents.NONE);
    }

    String customerId() {
        return customerId;
    }

    /** @return false when the event was taken in before: the caller then does nothing either */
    boolean take(Delivery delivery) {
        if (recent.includes(delivery)) {
            return false;
        }
        recent = recent.plus(delivery);
        taking = delivery;
        changed = true;
        return true;
    }

    /**
     * A view, add-to-cart, rating or purchase. A SKU met for the first time joins the SKUs that
     * count for co-occurrence while there are fewer than {@code cap} of them.
     */
    void interacted(String sku, double weight, Instant at, int cap) {
        if (!weights.containsKey(sku) && cooccurrenceSkus.size() < cap) {
            cooccurrenceSkus.add(sku);
            joinedBy.add(taking);
        }
        adjustWeight(sku, weight);
        lastInteractionAt = later(lastInteractionAt, at);
    }

    void placed(List<OrderLine> lines, Money total, Instant placedAt, BehaviourWeights weights, int cap) {
        orders++;
        firstOrderAt = firstOrderAt == null || placedAt.isBefore(firstOrderAt) ? placedAt : firstOrderAt;
        lastOrderAt = later(lastOrderAt, placedAt);
        if (currency == null) {
            currency = total.currency();
        }
        if (currency.equals(total.currency())) {
            monetaryMinor += total.amountMinor();
        }
        for (OrderLine line : lines) {
            items += line.quantity();
            adjustBought(line.sku(), line.quantity());
            interacted(line.sku(), weights.purchase(), placedAt, cap);
        }
        if (lastPurchaseAt == null || !placedAt.isBefore(lastPurchaseAt)) {
            lastPurchase = lines.stream().map(OrderLine::sku).distinct().toList();
            lastPurchaseAt = placedAt;
        }
    }

    /** A cancelled order or returned goods: bought back, paid back, and their purchase weight taken back. */
    void undone(List<OrderLine> lines, Money value, boolean cancellation, BehaviourWeights weights) {
        if (cancellation) {
            cancelled++;
        } else {
            returned++;
        }
        if (value.currency().equals(currency)) {
            monetaryMinor -= value.amountMinor();
        }
        for (OrderLine line : lines) {
            adjustBought(line.sku(), -line.quantity());
            adjustWeight(line.sku(), -weights.purchase());
        }
    }

    boolean changed() {
        return changed;
    }

    List<String> cooccurrenceSkus() {
        return cooccurrenceSkus;
    }

    /** How many of {@link #cooccurrenceSkus()} were there before this batch. */
    int cooccurrenceSkusAtLoad() {
        return cooccurrenceSkusAtLoad;
    }

    /** The event that made the SKU at {@code position} (one that joined in this batch) join the co-occurrence SKUs. */
    Delivery joinedBy(int position) {
        return joinedBy.get(position - cooccurrenceSkusAtLoad);
    }

    private void adjustWeight(String sku, double by) {
        weights.merge(sku, by, Double::sum);
    }

    private void adjustBought(String sku, long by) {
        bought.merge(sku, by, Long::sum);
    }

    private static Instant later(Instant known, Instant at) {
        return known == null || at.isAfter(known) ? at : known;
    }

    // --- the document -----------------------------------------------------------------------

    static final String WEIGHTS = "weights";
    static final String BOUGHT = "bought";
    static final String COOCCURRENCE_SKUS = "cooccurrenceSkus";
    static final String LAST_PURCHASE = "lastPurchase";
    static final String LAST_PURCHASE_AT = "lastPurchaseAt";
    static final String LAST_INTERACTION_AT = "lastInteractionAt";
    static final String FIRST_ORDER_AT = "firstOrderAt";
    static final String LAST_ORDER_AT = "lastOrderAt";
    static final String ORDERS = "orders";
    static final String ITEMS = "items";
    static final String CANCELLED = "cancelled";
    static final String RETURNED = "returned";
    static final String CURRENCY = "currency";
    static final String MONETARY_MINOR = "monetaryMinor";
    static final String RECENT_EVENTS = "recentEvents";

    /** Whether the customer has a document already: it is then replaced, else inserted. */
    boolean stored() {
        return stored;
    }

    /** The whole document. */
    Document document() {
        Document document = new Document("_id", customerId);
        document.putAll(scalars());
        return document.append(WEIGHTS, encoded(weights))
                .append(BOUGHT, encoded(bought))
                .append(COOCCURRENCE_SKUS, cooccurrenceSkus);
    }

    private static Document encoded(Map<String, ?> perSku) {
        Document fields = new Document();
        perSku.forEach((sku, value) -> fields.append(FieldKeys.encode(sku), value));
        return fields;
    }

    private Document scalars() {
        return new Document(LAST_PURCHASE, lastPurchase)
                .append(LAST_PURCHASE_AT, date(lastPurchaseAt))
                .append(LAST_INTERACTION_AT, date(lastInteractionAt))
                .append(FIRST_ORDER_AT, date(firstOrderAt))
                .append(LAST_ORDER_AT, date(lastOrderAt))
                .append(ORDERS, orders)
                .append(ITEMS, items)
                .append(CANCELLED, cancelled)
                .append(RETURNED, returned)
                .append(CURRENCY, currency)
                .append(MONETARY_MINOR, monetaryMinor)
                .append(RECENT_EVENTS, BehaviourDocuments.deliveries(recent));
    }

    /** @param settledUpTo the events at or below it are forgotten: they are never delivered again */
    static CustomerState of(Document document, long settledUpTo) {
        CustomerState state = new CustomerState(document.getString("_id"),
                BehaviourDocuments.skuMap(document, WEIGHTS, Double.class),
                BehaviourDocuments.skuMap(document, BOUGHT, Long.class),
                new ArrayList<>(document.getList(COOCCURRENCE_SKUS, String.class, List.of())),
                BehaviourDocuments.recentEvents(document, RECENT_EVENTS, settledUpTo));
        state.lastPurchase = document.getList(LAST_PURCHASE, String.class, List.of());
        state.lastPurchaseAt = BehaviourDocuments.instant(document, LAST_PURCHASE_AT);
        state.lastInteractionAt = BehaviourDocuments.instant(document, LAST_INTERACTION_AT);
        state.firstOrderAt = BehaviourDocuments.instant(document, FIRST_ORDER_AT);
        state.lastOrderAt = BehaviourDocuments.instant(document, LAST_ORDER_AT);
        state.orders = document.getLong(ORDERS);
        state.items = document.getLong(ITEMS);
        state.cancelled = document.getLong(CANCELLED);
        state.returned = document.getLong(RETURNED);
        state.currency = document.getString(CURRENCY);
        state.monetaryMinor = document.getLong(MONETARY_MINOR);
        state.stored = true;
        return state;
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
