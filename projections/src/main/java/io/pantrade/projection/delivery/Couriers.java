package io.pantrade.projection.delivery;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.CourierRosterPage;
import io.pantrade.kernel.delivery.CourierView;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.projection.BatchStates;
import io.pantrade.projection.ByIds;
import io.pantrade.projection.MongoBatch;
import io.pantrade.projection.delivery.CourierState.Held;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static io.pantrade.projection.delivery.GeoDocuments.date;
import static io.pantrade.projection.delivery.GeoDocuments.instant;
import static io.pantrade.projection.delivery.GeoDocuments.point;
import static io.pantrade.projection.delivery.GeoDocuments.pointOf;

/**
 * The courier roster read model, read only by {@code _id} (the embedded server has no secondary indexes):
 * <ul>
 *   <li>{@code couriers}: one document per courier, written whole ({@code $set}) whenever a batch
 *       changes it: on shift or not, last position and when, capacity, the deliveries held now by
 *       assignment id, and {@code appliedSequence}, the last event taken in;
 *   <li>{@code couriers_on_shift}: one entry per courier on shift, {@code _id} = courier id, with
 *       its free capacity: the roster is paged from it by {@code _id}, and only the couriers on its
 *       page are read.
 * </ul>
 * One courier's events arrive in order (one aggregate, one segment), so an event at or below
 * {@code appliedSequence} was taken in before and changes nothing; it writes the courier's
 * on-shift entry again from the document, in case a failed flush wrote one and not the other.
 */
public class Couriers {

    static final String COURIERS = "couriers";
    static final String ON_SHIFT = "couriers_on_shift";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> couriers;
    private final MongoCollection<Document> onShift;
    private final BatchStates<CourierState> states;

    public Couriers(MongoDatabase database) {
        this.couriers = database.getCollection(COURIERS);
        this.onShift = database.getCollection(ON_SHIFT);
        this.states = new BatchStates<>(COURIERS, this::stored);
    }

    void registered(CourierId courierId, int capacity, long sequence, MongoBatch batch) {
        Optional<CourierState> known = states.get(courierId.value());
        if (known.isPresent()) {
            rosterAgain(known.get(), batch);
            return;
        }
        CourierState registered = CourierState.registered(courierId.value(), capacity, sequence);
        write(registered, batch);
        rosterAgain(registered, batch);
    }

    /** @param change what the event does to the courier */
    void changed(CourierId courierId, long sequence, UnaryOperator<CourierState> change, MongoBatch batch) {
        CourierState before = states.get(courierId.value()).orElseThrow(() ->
                new IllegalStateException("courier " + courierId + " changed before it was registered"));
        if (sequence <= before.appliedSequence()) {
            rosterAgain(before, batch);
            return;
        }
        CourierState after = change.apply(before).applied(sequence);
        write(after, batch);
        if (!Objects.equals(before.rosterEntry(), after.rosterEntry())) {
            rosterAgain(after, batch);
        }
    }

    void dropAll() {
        couriers.drop();
        onShift.drop();
    }

    public Optional<CourierView> find(CourierId courierId) {
        return stored(courierId.value()).map(Couriers::viewOf);
    }

    /**
     * The couriers on shift with at least {@code minimumFreeCapacity} units free, by courier id.
     *
     * @param after the {@code next} of the page before, {@code null} for the first page
     */
    public CourierRosterPage roster(int minimumFreeCapacity, String after, int limit) {
        Bson roomy = Filters.gte("freeCapacity", minimumFreeCapacity);
        Bson filter = after == null ? roomy : Filters.and(Filters.gt("_id", after), roomy);
        List<String> ids = onShift.find(filter).sort(Sorts.ascending("_id")).limit(limit + 1)
                .map(entry -> entry.getString("_id")).into(new ArrayList<>());
        String next = ids.size() > limit ? ids.get(limit - 1) : null;
        return new CourierRosterPage(ByIds.load(couriers, ids.subList(0, Math.min(limit, ids.size())),
                document -> viewOf(stateOf(document))), next);
    }

    public long count() {
        return couriers.countDocuments();
    }

    private void write(CourierState courier, MongoBatch batch) {
        Document held = new Document();
        courier.held().forEach((assignment, delivery) -> held.append(assignment,
                new Document("deliveryId", delivery.deliveryId()).append("units", delivery.units())));
        batch.setFields(couriers, courier.courierId(), new Document("onShift", courier.onShift())
                .append("location", point(courier.location()))
                .append("locationAt", date(courier.locationAt()))
                .append("capacity", courier.capacity())
                .append("held", held)
                .append("appliedSequence", courier.appliedSequence()));
        states.put(courier.courierId(), courier);
    }

    /** The on-shift entry as the courier's state says: there with its free capacity, or gone. */
    private void rosterAgain(CourierState courier, MongoBatch batch) {
        Integer free = courier.rosterEntry();
        if (free == null) {
            batch.add(onShift, new DeleteOneModel<>(Filters.eq("_id", courier.courierId())));
        } else {
            batch.add(onShift, new ReplaceOneModel<>(Filters.eq("_id", courier.courierId()),
                    new Document("_id", courier.courierId()).append("freeCapacity", free), UPSERT));
        }
    }

    private Optional<CourierState> stored(String id) {
        return Optional.ofNullable(couriers.find(Filters.eq("_id", id)).first()).map(Couriers::stateOf);
    }

    private static CourierState stateOf(Document document) {
        Map<String, Held> held = new LinkedHashMap<>();
        document.get("held", Document.class).forEach((assignment, delivery) -> held.put(assignment,
                new Held(((Document) delivery).getString("deliveryId"), ((Document) delivery).getInteger("units"))));
        return new CourierState(document.getString("_id"), document.getBoolean("onShift"),
                pointOf(document.get("location", Document.class)), instant(document, "locationAt"),
                document.getInteger("capacity"), held, document.getLong("appliedSequence"));
    }

    private static CourierView viewOf(CourierState courier) {
        return new CourierView(new CourierId(courier.courierId()), courier.onShift(), courier.location(),
                courier.locationAt(), courier.capacity(), courier.load(),
                courier.held().values().stream().map(delivery -> new DeliveryId(delivery.deliveryId())).toList());
    }
}
