package io.pantrade.projection.delivery;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.DeliveryBoardPage;
import io.pantrade.kernel.delivery.DeliveryCreated;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.delivery.DeliveryProof;
import io.pantrade.kernel.delivery.DeliveryStatus;
import io.pantrade.kernel.delivery.DeliveryView;
import io.pantrade.kernel.delivery.ParcelSize;
import io.pantrade.kernel.delivery.TimeWindow;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.projection.BatchStates;
import io.pantrade.projection.ByIds;
import io.pantrade.projection.MongoBatch;
import io.pantrade.projection.StepKeys;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.pantrade.projection.delivery.GeoDocuments.date;
import static io.pantrade.projection.delivery.GeoDocuments.instant;
import static io.pantrade.projection.delivery.GeoDocuments.point;
import static io.pantrade.projection.delivery.GeoDocuments.pointOf;

/**
 * The delivery board read model, read only by {@code _id} (the embedded server has no secondary indexes):
 * <ul>
 *   <li>{@code deliveries}: one document per delivery: where from, when, how big, its status and
 *       courier, every step keyed by the event's sequence number, and {@code appliedSequence}, the
 *       last event taken in;
 *   <li>{@code delivery_board_<state>}: one collection per unfinished state, one entry per delivery
 *       in it, {@code _id} = created-at millis (13 digits), ':', delivery id. Sorting by {@code _id}
 *       is oldest first, and a page starts after the last {@code _id} of the one before. An entry is
 *       removed when its delivery moves on, so a finished delivery is on no board.
 * </ul>
 * One delivery's events arrive in order (one aggregate, one segment), so an event at or below
 * {@code appliedSequence} was taken in before and changes nothing. It does write the delivery's
 * board entries again from the status the document holds: a batch whose flush failed after the
 * delivery document and before its board entries gets them when the retry delivers it again.
 */
public class Deliveries {

    /** What a board cursor looks like: the {@code _id} of a board entry. */
    public static final String CURSOR_PATTERN = "\\d{13}:[0-9a-f-]{36}";

    static final String DELIVERIES = "deliveries";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> deliveries;
    private final Map<DeliveryStatus, MongoCollection<Document>> boards = new EnumMap<>(DeliveryStatus.class);
    private final BatchStates<Tracked> tracked;

    public Deliveries(MongoDatabase database) {
        this.deliveries = database.getCollection(DELIVERIES);
        for (DeliveryStatus status : DeliveryStatus.values()) {
            if (!status.isFinished()) {
                boards.put(status, database.getCollection(boardName(status)));
            }
        }
        this.tracked = new BatchStates<>(DELIVERIES, this::tracked);
    }

    static String boardName(DeliveryStatus status) {
        return "delivery_board_" + status.name().toLowerCase(Locale.ROOT);
    }

    void created(DeliveryCreated event, long sequence, MongoBatch batch) {
        String id = event.deliveryId().value();
        Optional<Tracked> known = tracked.get(id);
        if (known.isPresent()) {
            boardAgain(known.get(), batch);
            return;
        }
        Tracked created = new Tracked(id, boardKey(event.createdAt(), id), Step.CREATED.status, sequence);
        batch.createIfAbsent(deliveries, new Document("_id", id)
                .append("orderId", event.orderId().value())
                .append("pickup", point(event.pickup()))
                .append("window", new Document("from", date(event.window().from())).append("to", date(event.window().to())))
                .append("size", event.size().name())
                .append("createdAt", date(event.createdAt()))
                .append("boardKey", created.boardKey())
                .append("status", created.status().name())
                .append("courierId", null)
                .append("updatedAt", date(event.createdAt()))
                .append("appliedSequence", sequence)
                .append("history", new Document(StepKeys.of(sequence),
                        step(Step.CREATED, null, null, null, event.createdAt()))));
        enter(created, batch);
        tracked.put(id, created);
    }

    /** @param courier the courier the step names ({@code null} if none); the delivery's courier unless the step releases it */
    void stepped(DeliveryId deliveryId, long sequence, Step step, CourierId courier, String reason, DeliveryProof proof,
                 Instant at, MongoBatch batch) {
        String id = deliveryId.value();
        Tracked before = tracked.get(id).orElseThrow(() ->
                new IllegalStateException("delivery " + id + " changed before it was created"));
        if (sequence <= before.appliedSequence()) {
            boardAgain(before, batch);
            return;
        }
        Tracked after = new Tracked(id, before.boardKey(), step.status, sequence);
        if (after.status() != before.status()) {
            leave(before, batch);
            enter(after, batch);
        }
        CourierId holder = step == Step.COURIER_UNASSIGNED ? null : courier;
        batch.setFields(deliveries, id, new Document("status", after.status().name())
                .append("courierId", holder == null ? null : holder.value())
                .append("updatedAt", date(at))
                .append("appliedSequence", sequence)
                .append("history." + StepKeys.of(sequence), step(step, courier, reason, proof, at)));
        tracked.put(id, after);
    }

    void dropAll() {
        deliveries.drop();
        boards.values().forEach(MongoCollection::drop);
    }

    public Optional<DeliveryView> find(DeliveryId deliveryId) {
        return Optional.ofNullable(deliveries.find(Filters.eq("_id", deliveryId.value())).first())
                .map(Deliveries::viewOf);
    }

    /**
     * The deliveries in an unfinished state, oldest first.
     *
     * @param after the {@code next} of the page before, {@code null} for the first page
     */
    public DeliveryBoardPage board(DeliveryStatus status, String after, int limit) {
        if (status.isFinished()) {
            throw new IllegalArgumentException("finished deliveries are on no board: " + status);
        }
        MongoCollection<Document> board = boards.get(status);
        Bson filter = after == null ? new Document() : Filters.gt("_id", after);
        List<Document> entries = board.find(filter).sort(Sorts.ascending("_id")).limit(limit + 1)
                .into(new ArrayList<>());
        String next = entries.size() > limit ? entries.get(limit - 1).getString("_id") : null;
        List<String> ids = entries.stream().limit(limit).map(entry -> entry.getString("deliveryId")).toList();
        return new DeliveryBoardPage(status, ByIds.load(deliveries, ids, Deliveries::viewOf), board.countDocuments(), next);
    }

    public long count() {
        return deliveries.countDocuments();
    }

    /** What happened to a delivery, and the status it is in afterwards. */
    enum Step {
        CREATED(DeliveryStatus.AWAITING_COURIER),
        COURIER_ASSIGNED(DeliveryStatus.ASSIGNED),
        COURIER_REASSIGNED(DeliveryStatus.ASSIGNED),
        COURIER_UNASSIGNED(DeliveryStatus.AWAITING_COURIER),
        ACCEPTED(DeliveryStatus.ACCEPTED),
        PICKED_UP(DeliveryStatus.PICKED_UP),
        DELIVERED(DeliveryStatus.DELIVERED),
        FAILED(DeliveryStatus.FAILED),
        CANCELLED(DeliveryStatus.CANCELLED);

        private final DeliveryStatus status;

        Step(DeliveryStatus status) {
            this.status = status;
        }
    }

    /** What the projection needs to know of a delivery to move it between boards. */
    private record Tracked(String deliveryId, String boardKey, DeliveryStatus status, long appliedSequence) {
    }

    private Optional<Tracked> tracked(String id) {
        return Optional.ofNullable(deliveries.find(Filters.eq("_id", id))
                        .projection(Projections.include("boardKey", "status", "appliedSequence")).first())
                .map(document -> new Tracked(id, document.getString("boardKey"),
                        DeliveryStatus.valueOf(document.getString("status")), document.getLong("appliedSequence")));
    }

    private void enter(Tracked delivery, MongoBatch batch) {
        if (!delivery.status().isFinished()) {
            batch.add(boards.get(delivery.status()), new ReplaceOneModel<>(Filters.eq("_id", delivery.boardKey()),
                    new Document("_id", delivery.boardKey()).append("deliveryId", delivery.deliveryId()), UPSERT));
        }
    }

    private void leave(Tracked delivery, MongoBatch batch) {
        if (!delivery.status().isFinished()) {
            batch.add(boards.get(delivery.status()), new DeleteOneModel<>(Filters.eq("_id", delivery.boardKey())));
        }
    }

    /** On the board of its status and on no other. */
    private void boardAgain(Tracked delivery, MongoBatch batch) {
        for (DeliveryStatus status : boards.keySet()) {
            Tracked there = new Tracked(delivery.deliveryId(), delivery.boardKey(), status, delivery.appliedSequence());
            if (status == delivery.status()) {
                enter(there, batch);
            } else {
                leave(there, batch);
            }
        }
    }

    private static String boardKey(Instant createdAt, String deliveryId) {
        return String.format("%013d:%s", createdAt.toEpochMilli(), deliveryId);
    }

    private static Document step(Step type, CourierId courier, String reason, DeliveryProof proof, Instant at) {
        return new Document("type", type.name())
                .append("courierId", courier == null ? null : courier.value())
                .append("reason", reason)
                .append("proof", proof == null ? null : new Document("deliveredAt", date(proof.deliveredAt()))
                        .append("signatureReference", proof.signatureReference())
                        .append("photoReference", proof.photoReference()))
                .append("at", date(at));
    }

    private static DeliveryView viewOf(Document document) {
        List<DeliveryView.Step> history = new ArrayList<>();
        document.get("history", Document.class).entrySet().stream()
                .sorted(Comparator.comparing(entry -> StepKeys.sequenceOf(entry.getKey())))
                .forEach(entry -> history.add(stepOf((Document) entry.getValue())));
        Document window = document.get("window", Document.class);
        return new DeliveryView(new DeliveryId(document.getString("_id")),
                new OrderId(document.getString("orderId")),
                DeliveryStatus.valueOf(document.getString("status")),
                courierOf(document),
                pointOf(document.get("pickup", Document.class)),
                new TimeWindow(instant(window, "from"), instant(window, "to")),
                ParcelSize.valueOf(document.getString("size")),
                instant(document, "createdAt"),
                instant(document, "updatedAt"),
                history);
    }

    private static DeliveryView.Step stepOf(Document step) {
        Document proof = step.get("proof", Document.class);
        return new DeliveryView.Step(step.getString("type"), courierOf(step), step.getString("reason"),
                proof == null ? null : new DeliveryProof(instant(proof, "deliveredAt"),
                        proof.getString("signatureReference"), proof.getString("photoReference")),
                instant(step, "at"));
    }

    private static CourierId courierOf(Document document) {
        String courier = document.getString("courierId");
        return courier == null ? null : new CourierId(courier);
    }
}
