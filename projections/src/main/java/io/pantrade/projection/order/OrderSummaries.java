package io.pantrade.projection.order;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderCancelled;
import io.pantrade.kernel.order.OrderCompleted;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.order.OrderLine;
import io.pantrade.kernel.order.OrderPlaced;
import io.pantrade.kernel.order.OrderStatus;
import io.pantrade.kernel.privacy.SealedText;
import io.pantrade.projection.ByIds;
import io.pantrade.projection.MongoBatch;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The order-summary read model: one document per order, and a customer's listing mapping each of
 * their order ids to when it was placed, so every read goes by {@code _id} (the embedded MongoDB
 * server has no secondary indexes). Every write is idempotent: handling an event twice leaves the
 * same documents.
 * <p>
 * A listing is spread over {@value #LISTING_PARTS} documents, the order id choosing which: one
 * document per customer grew with every order, and the embedded server copies a whole document on
 * each update (a customer with 250 orders made every new order copy 250 entries), and MongoDB caps a
 * document at 16 MB. Reading a listing is one {@code $in} over the parts' ids.
 */
public class OrderSummaries {

    static final String ORDERS = "order_summaries";
    static final String CUSTOMER_ORDERS = "customer_orders";
    static final int LISTING_PARTS = 16;

    private final MongoCollection<Document> orders;
    private final MongoCollection<Document> customerOrders;

    public OrderSummaries(MongoDatabase database) {
        this.orders = database.getCollection(ORDERS);
        this.customerOrders = database.getCollection(CUSTOMER_ORDERS);
    }

    /**
     * A replayed OrderPlaced changes nothing: the order document exists (whatever happened to it
     * since stays), and the customer's map already holds the same entry.
     */
    void placed(OrderPlaced event, MongoBatch batch) {
        String id = event.orderId().value();
        Date placedAt = Date.from(event.placedAt());
        batch.createIfAbsent(orders, new Document("_id", id)
                .append("customerId", event.customerId().value())
                .append("status", OrderStatus.PLACED.name())
                .append("lines", event.lines().stream().map(OrderSummaries::lineDocument).toList())
                .append("currency", event.total().currency())
                .append("totalMinor", event.total().amountMinor())
                .append("deliveryAddress", new Document("subjectId", event.deliveryAddress().subjectId())
                        .append("ciphertext", event.deliveryAddress().ciphertext()))
                .append("placedAt", placedAt));
        // a flat map orderId -> placedAt, not an array of sub-documents: the embedded server deep-copies
        // a document on every update, and $addToSet compares the new entry with every earlier one
        batch.setField(customerOrders, listingPart(event.customerId(), event.orderId()), "orders." + id, placedAt);
    }

    void cancelled(OrderCancelled event, Instant at, MongoBatch batch) {
        batch.add(orders, new UpdateOneModel<>(Filters.eq("_id", event.orderId().value()), Updates.combine(
                Updates.set("status", OrderStatus.CANCELLED.name()),
                Updates.set("cancelReason", event.reason()),
                Updates.set("cancelledAt", Date.from(at)))));
    }

    void completed(OrderCompleted event, Instant at, MongoBatch batch) {
        batch.add(orders, new UpdateOneModel<>(Filters.eq("_id", event.orderId().value()), Updates.combine(
                Updates.set("status", OrderStatus.COMPLETED.name()),
                Updates.set("completedAt", Date.from(at)))));
    }

    void dropAll() {
        orders.drop();
        customerOrders.drop();
    }

    public Optional<OrderSummary> find(OrderId orderId) {
        return Optional.ofNullable(orders.find(Filters.eq("_id", orderId.value())).first())
                .map(OrderSummaries::summaryOf);
    }

    /** Newest first. */
    public CustomerOrders ofCustomer(CustomerId customerId, int page, int size) {
        List<String> parts = IntStream.range(0, LISTING_PARTS).mapToObj(part -> listingPart(customerId, part)).toList();
        List<Map.Entry<String, Object>> entries = new ArrayList<>();
        ByIds.forEach(customerOrders, parts, null,
                listing -> entries.addAll(listing.get("orders", Document.class).entrySet()));
        entries.sort(Comparator.comparing((Map.Entry<String, Object> entry) -> (Date) entry.getValue())
                .thenComparing(Map.Entry::getKey).reversed());
        long from = Math.min((long) page * size, entries.size());
        List<String> ids = entries.subList((int) from, (int) Math.min(from + size, entries.size())).stream()
                .map(Map.Entry::getKey).toList();
        return new CustomerOrders(ByIds.load(orders, ids, OrderSummaries::summaryOf), entries.size());
    }

    /** The {@code _id} of the listing document that holds this order of the customer. */
    static String listingPart(CustomerId customerId, OrderId orderId) {
        return listingPart(customerId, Math.floorMod(orderId.value().hashCode(), LISTING_PARTS));
    }

    private static String listingPart(CustomerId customerId, int part) {
        return customerId.value() + "/" + part;
    }

    public long count() {
        return orders.countDocuments();
    }

    private static Document lineDocument(OrderLine line) {
        return new Document("sku", line.sku())
                .append("quantity", line.quantity())
                .append("unitPriceMinor", line.unitPrice().amountMinor());
    }

    private static OrderSummary summaryOf(Document document) {
        String currency = document.getString("currency");
        List<OrderLine> lines = document.getList("lines", Document.class).stream()
                .map(line -> new OrderLine(line.getString("sku"), line.getInteger("quantity"),
                        new Money(line.getLong("unitPriceMinor"), currency)))
                .toList();
        Document address = document.get("deliveryAddress", Document.class);
        return new OrderSummary(
                new OrderId(document.getString("_id")),
                new CustomerId(document.getString("customerId")),
                OrderStatus.valueOf(document.getString("status")),
                lines,
                new Money(document.getLong("totalMinor"), currency),
                new SealedText(address.getString("subjectId"), address.getString("ciphertext")),
                instant(document, "placedAt"),
                instant(document, "cancelledAt"),
                document.getString("cancelReason"),
                instant(document, "completedAt"));
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    public record CustomerOrders(List<OrderSummary> orders, long total) {
    }
}
