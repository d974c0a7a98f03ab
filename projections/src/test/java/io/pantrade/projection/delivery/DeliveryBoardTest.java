package io.pantrade.projection.delivery;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.pantrade.kernel.delivery.CourierAssigned;
import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.CourierReassigned;
import io.pantrade.kernel.delivery.CourierUnassigned;
import io.pantrade.kernel.delivery.DeliveryAccepted;
import io.pantrade.kernel.delivery.DeliveryBoardPage;
import io.pantrade.kernel.delivery.DeliveryCancelled;
import io.pantrade.kernel.delivery.DeliveryDelivered;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.delivery.DeliveryPickedUp;
import io.pantrade.kernel.delivery.DeliveryProof;
import io.pantrade.kernel.delivery.DeliveryStatus;
import io.pantrade.kernel.delivery.DeliveryView;
import io.pantrade.kernel.delivery.ParcelSize;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.projection.AggregateHistory;
import io.pantrade.projection.DatabaseSnapshot;
import io.pantrade.projection.ProcessorBatch;
import io.pantrade.testing.EmbeddedMongo;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static io.pantrade.projection.delivery.DeliveryEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The delivery board through the projection's handlers, in processor-style batches, on the embedded server. */
class DeliveryBoardTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = EmbeddedMongo.perTestClass();

    private MongoDatabase readModels;
    private Deliveries deliveries;
    private DeliveryBoardProjection projection;
    private final AggregateHistory history = new AggregateHistory();

    private final DeliveryId parcel = DeliveryId.random();
    private final OrderId order = OrderId.random();
    private final CourierId ann = CourierId.random();
    private final CourierId bob = CourierId.random();

    @BeforeEach
    void emptyReadModel() {
        readModels = mongo.emptyDatabase("delivery_board");
        deliveries = new Deliveries(readModels);
        projection = new DeliveryBoardProjection(deliveries);
    }

    @Test
    void a_delivery_moves_from_board_to_board_and_leaves_them_when_delivered() throws Exception {
        EventMessage<?> created = created(0);
        handle(created, event(new CourierAssigned(parcel, ann, "a1", ParcelSize.SMALL, T0.plusSeconds(10)), 10));
        assertThat(ids(DeliveryStatus.ASSIGNED)).containsExactly(parcel);
        assertThat(ids(DeliveryStatus.AWAITING_COURIER)).isEmpty();

        EventMessage<?> reassigned =
                event(new CourierReassigned(parcel, ann, "a1", bob, "a2", ParcelSize.SMALL, T0.plusSeconds(20)), 20);
        handle(reassigned, event(new DeliveryAccepted(parcel, bob, T0.plusSeconds(30)), 30));
        assertThat(ids(DeliveryStatus.ACCEPTED)).containsExactly(parcel);
        assertThat(ids(DeliveryStatus.ASSIGNED)).isEmpty();

        handle(event(new DeliveryPickedUp(parcel, bob, T0.plusSeconds(40)), 40));
        assertThat(ids(DeliveryStatus.PICKED_UP)).containsExactly(parcel);

        DeliveryProof proof = new DeliveryProof(T0.plusSeconds(50), "sig-1", null);
        handle(event(new DeliveryDelivered(parcel, bob, "a2", proof), 55));
        for (DeliveryStatus open : List.of(DeliveryStatus.AWAITING_COURIER, DeliveryStatus.ASSIGNED,
                DeliveryStatus.ACCEPTED, DeliveryStatus.PICKED_UP)) {
            assertThat(deliveries.board(open, null, 10).total()).isZero();
        }

        DeliveryView view = deliveries.find(parcel).orElseThrow();
        assertThat(view.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(view.orderId()).isEqualTo(order);
        assertThat(view.courierId()).isEqualTo(bob);
        assertThat(view.size()).isEqualTo(ParcelSize.SMALL);
        assertThat(view.pickup()).isEqualTo(DeliveryEvents.DEPOT);
        assertThat(view.window().from()).isEqualTo(T0.plusSeconds(1_800));
        assertThat(view.createdAt()).isEqualTo(T0);
        assertThat(view.updatedAt()).isEqualTo(T0.plusSeconds(55));
        assertThat(view.history()).extracting(DeliveryView.Step::type).containsExactly(
                "CREATED", "COURIER_ASSIGNED", "COURIER_REASSIGNED", "ACCEPTED", "PICKED_UP", "DELIVERED");
        assertThat(view.history().get(2).courierId()).isEqualTo(bob);
        assertThat(view.history().get(5).proof()).isEqualTo(proof);
        assertThat(view.history().get(5).at()).isEqualTo(T0.plusSeconds(55));
    }

    @Test
    void an_unassigned_delivery_waits_for_a_courier_again_without_one() throws Exception {
        EventMessage<?> created = created(0);
        EventMessage<?> assigned = event(new CourierAssigned(parcel, ann, "a1", ParcelSize.SMALL, T0.plusSeconds(10)), 10);
        handle(created, assigned, event(new CourierUnassigned(parcel, ann, "a1", "declined", T0.plusSeconds(20)), 20));

        assertThat(ids(DeliveryStatus.AWAITING_COURIER)).containsExactly(parcel);
        assertThat(ids(DeliveryStatus.ASSIGNED)).isEmpty();
        DeliveryView view = deliveries.find(parcel).orElseThrow();
        assertThat(view.courierId()).isNull();
        assertThat(view.history().get(2).courierId()).isEqualTo(ann);
        assertThat(view.history().get(2).reason()).isEqualTo("declined");
    }

    @Test
    void the_board_pages_oldest_first_after_the_cursor_and_counts_every_delivery_in_the_state() throws Exception {
        List<DeliveryId> oldestFirst = new ArrayList<>();
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            DeliveryId id = DeliveryId.random();
            oldestFirst.add(id);
            events.add(0, history.add("Delivery", id.value(),
                    DeliveryEvents.created(id, OrderId.random(), ParcelSize.MEDIUM, T0.plusSeconds(60L * i)), T0));
        }
        DeliveryId cancelled = DeliveryId.random();
        events.add(history.add("Delivery", cancelled.value(), DeliveryEvents.created(cancelled, order, ParcelSize.SMALL, T0), T0));
        events.add(history.add("Delivery", cancelled.value(),
                new DeliveryCancelled(cancelled, null, null, "order cancelled", T0.plusSeconds(5)), T0));
        ProcessorBatch.handle(projection, events);

        DeliveryBoardPage first = deliveries.board(DeliveryStatus.AWAITING_COURIER, null, 2);
        DeliveryBoardPage second = deliveries.board(DeliveryStatus.AWAITING_COURIER, first.next(), 2);
        DeliveryBoardPage last = deliveries.board(DeliveryStatus.AWAITING_COURIER, second.next(), 2);

        assertThat(first.deliveries()).extracting(DeliveryView::deliveryId).containsExactlyElementsOf(oldestFirst.subList(0, 2));
        assertThat(second.deliveries()).extracting(DeliveryView::deliveryId).containsExactlyElementsOf(oldestFirst.subList(2, 4));
        assertThat(last.deliveries()).extracting(DeliveryView::deliveryId).containsExactly(oldestFirst.get(4));
        assertThat(last.next()).isNull();
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.status()).isEqualTo(DeliveryStatus.AWAITING_COURIER);
        assertThatThrownBy(() -> deliveries.board(DeliveryStatus.CANCELLED, null, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void handling_every_event_twice_leaves_identical_documents() throws Exception {
        List<EventMessage<?>> lifecycle = lifecycle();
        ProcessorBatch.handle(projection, lifecycle);
        DatabaseSnapshot once = DatabaseSnapshot.of(readModels);

        ProcessorBatch.handle(projection, lifecycle);
        assertThat(DatabaseSnapshot.of(readModels)).isEqualTo(once);

        emptyReadModel();
        for (EventMessage<?> event : lifecycle) {
            ProcessorBatch.handle(projection, List.of(event));
            ProcessorBatch.handle(projection, List.of(event, event));
        }
        assertThat(DatabaseSnapshot.of(readModels)).isEqualTo(once);
        assertThat(ids(DeliveryStatus.ACCEPTED)).containsExactly(parcel);
    }

    @Test
    void a_delivery_created_again_later_does_not_put_an_assigned_delivery_back_on_the_waiting_board() throws Exception {
        EventMessage<?> created = created(0);
        handle(created, event(new CourierAssigned(parcel, ann, "a1", ParcelSize.SMALL, T0.plusSeconds(10)), 10));
        DatabaseSnapshot assigned = DatabaseSnapshot.of(readModels);

        ProcessorBatch.handle(projection, List.of(created));

        assertThat(DatabaseSnapshot.of(readModels)).isEqualTo(assigned);
        assertThat(ids(DeliveryStatus.AWAITING_COURIER)).isEmpty();
    }

    @Test
    void an_event_delivered_again_restores_board_entries_a_failed_flush_left_out() throws Exception {
        List<EventMessage<?>> lifecycle = lifecycle();
        ProcessorBatch.handle(projection, lifecycle);
        DatabaseSnapshot whole = DatabaseSnapshot.of(readModels);
        // as if the flush had written the delivery document and then failed before its board entries
        String boardKey = whole.of(Deliveries.DELIVERIES).get(parcel.value()).getString("boardKey");
        readModels.getCollection(Deliveries.boardName(DeliveryStatus.ACCEPTED)).deleteOne(Filters.eq("_id", boardKey));
        readModels.getCollection(Deliveries.boardName(DeliveryStatus.ASSIGNED))
                .insertOne(new Document("_id", boardKey).append("deliveryId", parcel.value()));
        assertThat(ids(DeliveryStatus.ACCEPTED)).isEmpty();

        ProcessorBatch.handle(projection, List.of(lifecycle.get(lifecycle.size() - 1)));

        assertThat(DatabaseSnapshot.of(readModels)).isEqualTo(whole);
    }

    @Test
    void an_event_of_a_delivery_never_created_fails_its_batch() {
        DeliveryId unknown = DeliveryId.random();
        EventMessage<?> orphan = history.add("Delivery", unknown.value(),
                new DeliveryAccepted(unknown, ann, T0), T0);
        assertThatThrownBy(() -> ProcessorBatch.handle(projection, List.of(orphan)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(deliveries.count()).isZero();
    }

    @Test
    void the_reset_handler_empties_the_read_model() throws Exception {
        ProcessorBatch.handle(projection, lifecycle());

        ProcessorBatch.reset(projection);

        assertThat(DatabaseSnapshot.of(readModels).collections()).isEmpty();
    }

    private List<EventMessage<?>> lifecycle() {
        return List.of(created(0),
                event(new CourierAssigned(parcel, ann, "a1", ParcelSize.SMALL, T0.plusSeconds(10)), 10),
                event(new CourierUnassigned(parcel, ann, "a1", "declined", T0.plusSeconds(20)), 20),
                event(new CourierAssigned(parcel, bob, "a2", ParcelSize.SMALL, T0.plusSeconds(30)), 30),
                event(new DeliveryAccepted(parcel, bob, T0.plusSeconds(40)), 40));
    }

    private EventMessage<?> created(long seconds) {
        return event(DeliveryEvents.created(parcel, order, ParcelSize.SMALL, T0.plusSeconds(seconds)), seconds);
    }

    private EventMessage<?> event(Object payload, long seconds) {
        return history.add("Delivery", parcel.value(), payload, T0.plusSeconds(seconds));
    }

    private void handle(EventMessage<?>... events) throws Exception {
        ProcessorBatch.handle(projection, List.of(events));
    }

    private List<DeliveryId> ids(DeliveryStatus status) {
        return deliveries.board(status, null, 200).deliveries().stream().map(DeliveryView::deliveryId).toList();
    }
}
