package io.pantrade.projection.fulfilment;

import com.mongodb.client.MongoDatabase;
import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.delivery.CourierAssigned;
import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.CourierUnassigned;
import io.pantrade.kernel.delivery.DeliveryCancelled;
import io.pantrade.kernel.delivery.DeliveryDelivered;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.delivery.DeliveryPickedUp;
import io.pantrade.kernel.delivery.DeliveryProof;
import io.pantrade.kernel.delivery.ParcelSize;
import io.pantrade.kernel.fulfilment.FulfilmentIds;
import io.pantrade.kernel.fulfilment.FulfilmentStage;
import io.pantrade.kernel.fulfilment.FulfilmentView;
import io.pantrade.kernel.order.Fulfilment;
import io.pantrade.kernel.order.FulfilmentRequested;
import io.pantrade.kernel.order.OrderCancelled;
import io.pantrade.kernel.order.OrderCompleted;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.payment.CardReference;
import io.pantrade.kernel.payment.MerchantId;
import io.pantrade.kernel.payment.PaymentAuthorizationRequested;
import io.pantrade.kernel.payment.PaymentAuthorized;
import io.pantrade.kernel.payment.PaymentCaptured;
import io.pantrade.kernel.payment.PaymentDeclined;
import io.pantrade.kernel.payment.PaymentId;
import io.pantrade.kernel.payment.PaymentVoided;
import io.pantrade.kernel.delivery.TimeWindow;
import io.pantrade.kernel.privacy.SealedText;
import io.pantrade.projection.AggregateHistory;
import io.pantrade.projection.DatabaseSnapshot;
import io.pantrade.projection.ProcessorBatch;
import io.pantrade.projection.delivery.DeliveryEvents;
import io.pantrade.testing.EmbeddedMongo;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.pantrade.projection.delivery.DeliveryEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** Order timelines through the projection's handlers, in processor-style batches, on the embedded server. */
class FulfilmentTimelineTest {

    private static final Money TOTAL = new Money(2_499, "EUR");

    @RegisterExtension
    static final EmbeddedMongo mongo = EmbeddedMongo.perTestClass();

    private MongoDatabase readModels;
    private FulfilmentTimelines timelines;
    private FulfilmentTimelineProjection projection;
    private final AggregateHistory history = new AggregateHistory();

    private final OrderId order = OrderId.random();
    private final PaymentId payment = FulfilmentIds.paymentOf(order);
    private final DeliveryId delivery = FulfilmentIds.deliveryOf(order);
    private final CourierId courier = CourierId.random();

    @BeforeEach
    void emptyReadModel() {
        readModels = mongo.emptyDatabase("fulfilment_timelines");
        timelines = new FulfilmentTimelines(readModels);
        projection = new FulfilmentTimelineProjection(timelines);
    }

    @Test
    void a_delivered_order_shows_every_step_in_time_order_and_ends_completed() throws Exception {
        List<EventMessage<?>> events = delivered();
        ProcessorBatch.handle(projection, events.subList(0, 4));
        assertThat(stage()).isEqualTo(FulfilmentStage.AWAITING_COURIER);
        ProcessorBatch.handle(projection, events.subList(4, 5));
        assertThat(stage()).isEqualTo(FulfilmentStage.COURIER_ASSIGNED);
        ProcessorBatch.handle(projection, events.subList(5, 6));
        assertThat(stage()).isEqualTo(FulfilmentStage.AWAITING_COURIER);

        ProcessorBatch.handle(projection, events.subList(6, events.size()));

        FulfilmentView view = timelines.find(order).orElseThrow();
        assertThat(view.stage()).isEqualTo(FulfilmentStage.COMPLETED);
        assertThat(view.paymentId()).isEqualTo(payment);
        assertThat(view.deliveryId()).isEqualTo(delivery);
        assertThat(view.timeline()).extracting(FulfilmentView.Step::step).containsExactly(
                "fulfilment-requested", "payment-requested", "payment-authorized", "delivery-created",
                "courier-assigned", "courier-unassigned", "courier-assigned", "picked-up", "delivered",
                "payment-captured", "order-completed");
        assertThat(view.timeline().get(4).detail()).isEqualTo(courier.value());
        assertThat(view.timeline().get(5).detail()).isEqualTo("declined");
        assertThat(view.timeline().get(10).at()).isEqualTo(T0.plusSeconds(100));
    }

    @Test
    void a_declined_payment_waits_for_payment_until_the_order_is_cancelled_and_the_stage_stays_cancelled() throws Exception {
        List<EventMessage<?>> events = new ArrayList<>(requested());
        events.add(payment(new PaymentDeclined(payment, "insufficient funds", T0.plusSeconds(3)), 3));
        ProcessorBatch.handle(projection, events);
        assertThat(stage()).isEqualTo(FulfilmentStage.AWAITING_PAYMENT);

        ProcessorBatch.handle(projection, List.of(order(new OrderCancelled(order, "payment declined"), 4),
                payment(new PaymentVoided(payment, TOTAL, "order cancelled", T0.plusSeconds(5)), 5)));

        FulfilmentView view = timelines.find(order).orElseThrow();
        assertThat(view.stage()).isEqualTo(FulfilmentStage.CANCELLED);
        assertThat(view.deliveryId()).isNull();
        assertThat(view.timeline()).extracting(FulfilmentView.Step::step).containsExactly("fulfilment-requested",
                "payment-requested", "payment-declined", "order-cancelled", "payment-voided");
        assertThat(view.timeline().get(3).detail()).isEqualTo("payment declined");
    }

    @Test
    void payments_deliveries_and_orders_without_a_fulfilment_leave_nothing() throws Exception {
        OrderId plain = OrderId.random();
        PaymentId viaApi = new PaymentId(UUID.randomUUID().toString());
        DeliveryId other = DeliveryId.random();
        ProcessorBatch.handle(projection, List.of(
                history.add("Payment", viaApi.value(), new PaymentAuthorizationRequested(viaApi, plain,
                        customer(), merchant(), TOTAL, card(), T0), T0),
                history.add("Payment", viaApi.value(), new PaymentAuthorized(viaApi, TOTAL, "psp-1", T0, T0.plusSeconds(600)), T0),
                history.add("Delivery", other.value(), DeliveryEvents.created(other, plain, ParcelSize.SMALL, T0), T0),
                history.add("Delivery", other.value(), new DeliveryCancelled(other, null, null, "no", T0), T0),
                history.add("Order", plain.value(), new OrderCompleted(plain), T0)));
        // the payment of an order that has a fulfilment, made through the payments API, is not its fulfilment's
        PaymentId otherPayment = new PaymentId(UUID.randomUUID().toString());
        List<EventMessage<?>> events = new ArrayList<>(requested());
        events.add(history.add("Payment", otherPayment.value(), new PaymentAuthorizationRequested(otherPayment, order,
                customer(), merchant(), TOTAL, card(), T0), T0));
        ProcessorBatch.handle(projection, events);

        assertThat(timelines.find(plain)).isEmpty();
        assertThat(timelines.count()).isEqualTo(2);
        assertThat(timelines.find(order).orElseThrow().timeline()).hasSize(2);
    }

    @Test
    void handling_every_event_twice_leaves_identical_documents() throws Exception {
        List<EventMessage<?>> events = delivered();
        ProcessorBatch.handle(projection, events);
        DatabaseSnapshot once = DatabaseSnapshot.of(readModels);

        ProcessorBatch.handle(projection, events);
        assertThat(DatabaseSnapshot.of(readModels)).isEqualTo(once);

        emptyReadModel();
        for (EventMessage<?> event : events) {
            ProcessorBatch.handle(projection, List.of(event, event));
            ProcessorBatch.handle(projection, List.of(event));
        }
        assertThat(DatabaseSnapshot.of(readModels)).isEqualTo(once);
        assertThat(timelines.find(order).orElseThrow().timeline()).hasSize(11);
    }

    @Test
    void the_reset_handler_empties_the_read_model() throws Exception {
        ProcessorBatch.handle(projection, delivered());

        ProcessorBatch.reset(projection);

        assertThat(timelines.find(order)).isEmpty();
        assertThat(timelines.count()).isZero();
    }

    private List<EventMessage<?>> requested() {
        Fulfilment fulfilment = new Fulfilment(merchant(), card(), DeliveryEvents.DEPOT,
                new TimeWindow(T0.plusSeconds(1_800), T0.plusSeconds(3_600)), ParcelSize.SMALL);
        return List.of(order(new FulfilmentRequested(order, customer(), TOTAL, fulfilment,
                        new SealedText(order.value(), "AQIDBAUGBwgJCgsM")), 0),
                payment(new PaymentAuthorizationRequested(payment, order, customer(), merchant(), TOTAL, card(),
                        T0.plusSeconds(1)), 1));
    }

    /** In the order the processor could see them: the order's, the payment's and the delivery's interleaved. */
    private List<EventMessage<?>> delivered() {
        List<EventMessage<?>> events = new ArrayList<>(requested());
        events.add(payment(new PaymentAuthorized(payment, TOTAL, "psp-1", T0.plusSeconds(2), T0.plusSeconds(9_000)), 2));
        events.add(deliveryEvent(DeliveryEvents.created(delivery, order, ParcelSize.SMALL, T0.plusSeconds(3)), 3));
        events.add(deliveryEvent(new CourierAssigned(delivery, courier, "a1", ParcelSize.SMALL, T0.plusSeconds(10)), 10));
        events.add(deliveryEvent(new CourierUnassigned(delivery, courier, "a1", "declined", T0.plusSeconds(20)), 20));
        events.add(deliveryEvent(new CourierAssigned(delivery, courier, "a2", ParcelSize.SMALL, T0.plusSeconds(30)), 30));
        events.add(deliveryEvent(new DeliveryPickedUp(delivery, courier, T0.plusSeconds(40)), 40));
        events.add(deliveryEvent(new DeliveryDelivered(delivery, courier, "a2",
                new DeliveryProof(T0.plusSeconds(50), null, null)), 50));
        events.add(payment(new PaymentCaptured(payment, FulfilmentIds.captureOf(order), TOTAL, new Money(102, "EUR"),
                T0.plusSeconds(60)), 60));
        events.add(order(new OrderCompleted(order), 100));
        return events;
    }

    private FulfilmentStage stage() {
        return timelines.find(order).orElseThrow().stage();
    }

    private EventMessage<?> order(Object payload, long seconds) {
        return history.add("Order", order.value(), payload, T0.plusSeconds(seconds));
    }

    private EventMessage<?> payment(Object payload, long seconds) {
        return history.add("Payment", payment.value(), payload, T0.plusSeconds(seconds));
    }

    private EventMessage<?> deliveryEvent(Object payload, long seconds) {
        return history.add("Delivery", delivery.value(), payload, T0.plusSeconds(seconds));
    }

    private static CustomerId customer() {
        return new CustomerId("6f1c1f5e-2b1d-4f0e-9a43-7f3d1f0c2a11");
    }

    private static MerchantId merchant() {
        return new MerchantId("0b8f0f3e-5d5c-4c7e-8f6d-2a9e4b1c3d22");
    }

    private static CardReference card() {
        return new CardReference("tok_1", "VISA", "4242");
    }
}
