package io.pantrade.projection;

import com.mongodb.client.MongoDatabase;
import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.delivery.CourierAssigned;
import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.CourierLocationUpdated;
import io.pantrade.kernel.delivery.CourierRegistered;
import io.pantrade.kernel.delivery.CourierReleasedDelivery;
import io.pantrade.kernel.delivery.CourierTookDelivery;
import io.pantrade.kernel.delivery.CourierUnassigned;
import io.pantrade.kernel.delivery.DeliveryAccepted;
import io.pantrade.kernel.delivery.DeliveryDelivered;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.delivery.DeliveryPickedUp;
import io.pantrade.kernel.delivery.DeliveryProof;
import io.pantrade.kernel.delivery.GeoPoint;
import io.pantrade.kernel.delivery.ParcelSize;
import io.pantrade.kernel.delivery.ShiftEnded;
import io.pantrade.kernel.delivery.ShiftStarted;
import io.pantrade.kernel.delivery.TimeWindow;
import io.pantrade.kernel.fulfilment.FulfilmentIds;
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
import io.pantrade.kernel.privacy.SealedText;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import io.pantrade.projection.delivery.CourierRosterProjection;
import io.pantrade.projection.delivery.Couriers;
import io.pantrade.projection.delivery.Deliveries;
import io.pantrade.projection.delivery.DeliveryBoardProjection;
import io.pantrade.projection.delivery.DeliveryEvents;
import io.pantrade.projection.fulfilment.FulfilmentTimelineProjection;
import io.pantrade.projection.fulfilment.FulfilmentTimelines;
import io.pantrade.testing.EmbeddedMongo;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery and fulfilment read models are disposable like every other: what two segments build
 * while the events come in is what a replay from the start rebuilds, after a token reset and after
 * the database is dropped. The history interleaves orders, payments, deliveries and couriers.
 */
class ReadSideReplayTest {

    private static final int ORDERS = 300;
    private static final int COURIERS = 20;
    private static final Instant T0 = DeliveryEvents.T0;
    private static final ProjectionTuning TUNING = new ProjectionTuning(100, 2);
    private static final Duration CATCH_UP = Duration.ofSeconds(90);

    @RegisterExtension
    static final EmbeddedMongo mongo = EmbeddedMongo.perTestClass();

    private final InOrderEventStorageEngine eventStore = new InOrderEventStorageEngine();
    private ProjectionPipeline pipeline;

    enum ReadModel {
        DELIVERY_BOARD(DeliveryBoardProjection.PROCESSOR,
                readModels -> new DeliveryBoardProjection(new Deliveries(readModels))),
        COURIER_ROSTER(CourierRosterProjection.PROCESSOR,
                readModels -> new CourierRosterProjection(new Couriers(readModels))),
        FULFILMENT_TIMELINES(FulfilmentTimelineProjection.PROCESSOR,
                readModels -> new FulfilmentTimelineProjection(new FulfilmentTimelines(readModels)));

        private final String processor;
        private final Function<MongoDatabase, Object> projection;

        ReadModel(String processor, Function<MongoDatabase, Object> projection) {
            this.processor = processor;
            this.projection = projection;
        }

        ProjectionPipeline start(InOrderEventStorageEngine events, MongoDatabase readModels) {
            return ProjectionPipeline.start(events, readModels, processor, projection.apply(readModels), TUNING);
        }
    }

    @AfterEach
    void stopPipeline() {
        pipeline.close();
    }

    @ParameterizedTest
    @EnumSource(ReadModel.class)
    void a_token_reset_and_a_dropped_database_both_rebuild_the_documents_built_live(ReadModel readModel) {
        MongoDatabase readModels = mongo.emptyDatabase("replayed_" + readModel.name().toLowerCase());
        pipeline = readModel.start(eventStore, readModels);
        publishHistory();
        DatabaseSnapshot live = awaitCaughtUp(readModels);
        assertThat(live.collections()).isNotEmpty();

        PooledStreamingEventProcessor processor = pipeline.processor();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(CATCH_UP).untilAsserted(() -> assertThat(DatabaseSnapshot.of(readModels)).isEqualTo(live));

        pipeline.close();
        readModels.drop();
        pipeline = readModel.start(eventStore, readModels);
        await().atMost(CATCH_UP).untilAsserted(() -> assertThat(DatabaseSnapshot.of(readModels)).isEqualTo(live));
    }

    private DatabaseSnapshot awaitCaughtUp(MongoDatabase readModels) {
        long head = pipeline.headIndex();
        await().atMost(CATCH_UP).untilAsserted(() -> assertThat(pipeline.storedTokenPositions().values())
                .isNotEmpty().allSatisfy(position -> assertThat(position).isGreaterThanOrEqualTo(head)));
        return DatabaseSnapshot.of(readModels);
    }

    /**
     * 300 fulfilments over 20 couriers: a tenth declined and cancelled, a third delivered and
     * completed, the rest left assigned, accepted or waiting again; a payment through the payments
     * API now and then; some couriers end their shift.
     */
    private void publishHistory() {
        AggregateHistory history = new AggregateHistory();
        List<CourierId> couriers = new ArrayList<>();
        for (int c = 0; c < COURIERS; c++) {
            CourierId courier = CourierId.random();
            couriers.add(courier);
            history.add("Courier", courier.value(), new CourierRegistered(courier,
                    new SealedText(courier.value(), "AQIDBAUGBwgJCgsM"), 40, T0), T0);
            history.add("Courier", courier.value(), new ShiftStarted(courier, DeliveryEvents.DEPOT, T0), T0);
        }
        for (int i = 0; i < ORDERS; i++) {
            fulfilment(history, i, couriers.get(i % COURIERS));
        }
        for (int c = 0; c < COURIERS; c += 4) {
            CourierId courier = couriers.get(c);
            history.add("Courier", courier.value(), new ShiftEnded(courier, T0.plusSeconds(10_000)), T0);
        }
        pipeline.publish(history.events());
    }

    private static void fulfilment(AggregateHistory history, int i, CourierId courier) {
        Instant at = T0.plusSeconds(7L * i);
        OrderId order = OrderId.random();
        PaymentId payment = FulfilmentIds.paymentOf(order);
        DeliveryId delivery = FulfilmentIds.deliveryOf(order);
        String o = order.value();
        String p = payment.value();
        String d = delivery.value();
        String c = courier.value();
        Money total = new Money(1_000 + i, "EUR");
        CustomerId customer = new CustomerId(UUID.randomUUID().toString());
        MerchantId merchant = new MerchantId(UUID.randomUUID().toString());
        CardReference card = new CardReference("tok_" + i, "VISA", "4242");
        history.add("Order", o, new FulfilmentRequested(order, customer, total, new Fulfilment(merchant, card,
                DeliveryEvents.DEPOT, new TimeWindow(at.plusSeconds(1_800), at.plusSeconds(3_600)), ParcelSize.SMALL),
                new SealedText(customer.value(), "AQIDBAUGBwgJCgsM")), at);
        history.add("Payment", p, new PaymentAuthorizationRequested(payment, order, customer, merchant, total, card, at), at);
        if (i % 7 == 0) {
            PaymentId viaApi = new PaymentId(UUID.randomUUID().toString());
            history.add("Payment", viaApi.value(),
                    new PaymentAuthorizationRequested(viaApi, order, customer, merchant, total, card, at), at);
            history.add("Payment", viaApi.value(), new PaymentAuthorized(viaApi, total, "psp", at, at.plusSeconds(9_000)), at);
        }
        if (i % 10 == 0) {
            history.add("Payment", p, new PaymentDeclined(payment, "declined", at.plusSeconds(1)), at);
            history.add("Order", o, new OrderCancelled(order, "payment declined"), at.plusSeconds(2));
            return;
        }
        history.add("Payment", p, new PaymentAuthorized(payment, total, "psp-" + i, at.plusSeconds(1), at.plusSeconds(9_000)), at);
        history.add("Delivery", d, DeliveryEvents.created(delivery, order, ParcelSize.values()[i % 3], at.plusSeconds(2)), at);
        String assignment = "a-" + i;
        history.add("Delivery", d, new CourierAssigned(delivery, courier, assignment, ParcelSize.SMALL, at.plusSeconds(3)), at);
        history.add("Courier", c, new CourierTookDelivery(courier, delivery, assignment, ParcelSize.SMALL, at.plusSeconds(3)), at);
        history.add("Courier", c, new CourierLocationUpdated(courier, new GeoPoint(52 + i / 1000.0, 4.9), at.plusSeconds(4)), at);
        if (i % 3 == 0) {
            history.add("Delivery", d, new DeliveryPickedUp(delivery, courier, at.plusSeconds(5)), at);
            history.add("Delivery", d, new DeliveryDelivered(delivery, courier, assignment,
                    new DeliveryProof(at.plusSeconds(6), null, null)), at.plusSeconds(6));
            history.add("Courier", c, new CourierReleasedDelivery(courier, delivery, assignment, at.plusSeconds(6)), at);
            history.add("Payment", p, new PaymentCaptured(payment, FulfilmentIds.captureOf(order), total,
                    new Money(30, "EUR"), at.plusSeconds(7)), at);
            history.add("Order", o, new OrderCompleted(order), at.plusSeconds(8));
        } else if (i % 3 == 1) {
            history.add("Delivery", d, new DeliveryAccepted(delivery, courier, at.plusSeconds(5)), at);
        } else if (i % 2 == 0) {
            history.add("Delivery", d, new CourierUnassigned(delivery, courier, assignment, "declined", at.plusSeconds(5)), at);
            history.add("Courier", c, new CourierReleasedDelivery(courier, delivery, assignment, at.plusSeconds(5)), at);
        }
    }
}
