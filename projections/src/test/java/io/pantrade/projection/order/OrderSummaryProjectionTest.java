package io.pantrade.projection.order;

import com.mongodb.client.MongoDatabase;
import io.pantrade.projection.InOrderEventStorageEngine;
import io.pantrade.testing.EmbeddedMongo;
import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.order.OrderPlaced;
import io.pantrade.kernel.order.OrderStatus;
import io.pantrade.projection.ProjectionPipeline;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static io.pantrade.projection.order.OrderEvents.T0;
import static io.pantrade.projection.order.OrderEvents.addressOf;
import static io.pantrade.projection.order.OrderEvents.cancelled;
import static io.pantrade.projection.order.OrderEvents.completed;
import static io.pantrade.projection.order.OrderEvents.customer;
import static io.pantrade.projection.order.OrderEvents.line;
import static io.pantrade.projection.order.OrderEvents.message;
import static io.pantrade.projection.order.OrderEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events published on a real Axon event store reach the MongoDB read model through the processor. */
class OrderSummaryProjectionTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = EmbeddedMongo.perTestClass();

    private ProjectionPipeline pipeline;
    private OrderSummaries summaries;
    private MongoDatabase readModels;

    @BeforeEach
    void startPipeline() {
        readModels = mongo.emptyDatabase("read_models");
        pipeline = OrderEvents.pipeline(new InOrderEventStorageEngine(), readModels, new ProjectionTuning(100, 2));
        summaries = new OrderSummaries(readModels);
    }

    @AfterEach
    void stopPipeline() {
        pipeline.close();
    }

    @Test
    void a_placed_order_is_found_with_its_lines_total_and_sealed_address() {
        CustomerId alice = customer();
        OrderId order = OrderId.random();
        pipeline.publish(message(placed(order, alice, T0, line("SKU-1", 3, 1_250), line("SKU-2", 1, 499))));

        OrderSummary summary = awaitSummary(order);

        assertThat(summary.orderId()).isEqualTo(order);
        assertThat(summary.customerId()).isEqualTo(alice);
        assertThat(summary.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(summary.lines()).containsExactly(line("SKU-1", 3, 1_250), line("SKU-2", 1, 499));
        assertThat(summary.total()).isEqualTo(new Money(4_249, "EUR"));
        assertThat(summary.deliveryAddress()).isEqualTo(addressOf(alice));
        assertThat(summary.placedAt()).isEqualTo(T0);
        assertThat(summary.cancelledAt()).isNull();
        assertThat(summary.cancelReason()).isNull();
        assertThat(summary.completedAt()).isNull();
    }

    @Test
    void an_unknown_order_is_not_found() {
        assertThat(summaries.find(OrderId.random())).isEmpty();
    }

    @Test
    void a_cancelled_order_shows_the_reason_and_when_it_was_cancelled() {
        OrderPlaced placed = placed(customer(), T0);
        pipeline.publish(message(placed), cancelled(placed.orderId(), "customer changed their mind", T0.plusSeconds(90)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(summaries.find(placed.orderId()).map(OrderSummary::status)).contains(OrderStatus.CANCELLED));
        OrderSummary summary = summaries.find(placed.orderId()).orElseThrow();
        assertThat(summary.cancelReason()).isEqualTo("customer changed their mind");
        assertThat(summary.cancelledAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(summary.completedAt()).isNull();
        assertThat(summary.placedAt()).isEqualTo(T0);
        assertThat(summary.total()).isEqualTo(placed.total());
    }

    @Test
    void a_completed_order_shows_when_it_was_completed() {
        OrderPlaced placed = placed(customer(), T0);
        pipeline.publish(message(placed));
        awaitSummary(placed.orderId());

        pipeline.publish(completed(placed.orderId(), T0.plusSeconds(3_600)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(summaries.find(placed.orderId()).map(OrderSummary::status)).contains(OrderStatus.COMPLETED));
        OrderSummary summary = summaries.find(placed.orderId()).orElseThrow();
        assertThat(summary.completedAt()).isEqualTo(T0.plusSeconds(3_600));
        assertThat(summary.cancelledAt()).isNull();
        assertThat(summary.lines()).isEqualTo(placed.lines());
    }

    @Test
    void a_customers_orders_come_newest_first_in_pages_by_the_time_they_were_placed() {
        CustomerId alice = customer();
        List<OrderPlaced> orders = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            orders.add(placed(alice, T0.plusSeconds(60L * i)));
        }
        List<OrderPlaced> publicationOrder = new ArrayList<>(orders);
        Collections.shuffle(publicationOrder, new Random(7));
        pipeline.publish(publicationOrder.stream().map(OrderEvents::message).toList());
        List<OrderId> newestFirst = orders.stream().sorted(Comparator.comparing(OrderPlaced::placedAt).reversed())
                .map(OrderPlaced::orderId).toList();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(summaries.ofCustomer(alice, 0, 100).total()).isEqualTo(7));

        assertThat(ids(summaries.ofCustomer(alice, 0, 3))).containsExactlyElementsOf(newestFirst.subList(0, 3));
        assertThat(ids(summaries.ofCustomer(alice, 1, 3))).containsExactlyElementsOf(newestFirst.subList(3, 6));
        assertThat(ids(summaries.ofCustomer(alice, 2, 3))).containsExactlyElementsOf(newestFirst.subList(6, 7));
        assertThat(summaries.ofCustomer(alice, 2, 3).total()).isEqualTo(7);
        assertThat(summaries.ofCustomer(alice, 0, 100).orders())
                .extracting(OrderSummary::total).containsOnly(new Money(2 * 1_250 + 499, "EUR"));
    }

    @Test
    void a_page_past_the_end_is_empty_but_still_counts_the_orders() {
        CustomerId alice = customer();
        pipeline.publish(message(placed(alice, T0)), message(placed(alice, T0.plusSeconds(1))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(summaries.ofCustomer(alice, 0, 10).orders()).hasSize(2));

        OrderSummaries.CustomerOrders pastTheEnd = summaries.ofCustomer(alice, 1, 2);
        OrderSummaries.CustomerOrders farPastTheEnd = summaries.ofCustomer(alice, 1_000, 50);

        assertThat(pastTheEnd.orders()).isEmpty();
        assertThat(pastTheEnd.total()).isEqualTo(2);
        assertThat(farPastTheEnd.orders()).isEmpty();
        assertThat(farPastTheEnd.total()).isEqualTo(2);
    }

    @Test
    void a_customer_without_orders_has_an_empty_listing() {
        OrderSummaries.CustomerOrders none = summaries.ofCustomer(customer(), 0, 20);

        assertThat(none.orders()).isEmpty();
        assertThat(none.total()).isZero();
    }

    @Test
    void a_customers_listing_is_spread_over_documents_that_each_hold_a_part_of_it() {
        CustomerId alice = customer();
        List<OrderPlaced> orders = IntStream.range(0, 200).mapToObj(i -> placed(alice, T0.plusSeconds(i))).toList();
        pipeline.publish(orders.stream().map(OrderEvents::message).toList());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(summaries.ofCustomer(alice, 0, 10).total()).isEqualTo(200));

        List<Integer> partSizes = new ArrayList<>();
        readModels.getCollection(OrderSummaries.CUSTOMER_ORDERS).find()
                .forEach(part -> partSizes.add(part.get("orders", Document.class).size()));
        assertThat(partSizes).hasSizeBetween(2, OrderSummaries.LISTING_PARTS).allSatisfy(size ->
                assertThat(size).isLessThan(100));
        assertThat(ids(summaries.ofCustomer(alice, 0, 10)))
                .containsExactlyElementsOf(IntStream.range(0, 10).mapToObj(i -> orders.get(199 - i).orderId()).toList());
    }

    @Test
    void each_customer_sees_only_their_own_orders_with_their_current_status() {
        CustomerId alice = customer();
        CustomerId bob = customer();
        CustomerId carol = customer();
        OrderPlaced alice1 = placed(alice, T0);
        OrderPlaced alice2 = placed(alice, T0.plusSeconds(10));
        OrderPlaced bob1 = placed(bob, T0.plusSeconds(5));
        OrderPlaced carol1 = placed(carol, T0.plusSeconds(1));
        OrderPlaced carol2 = placed(carol, T0.plusSeconds(2));
        OrderPlaced carol3 = placed(carol, T0.plusSeconds(3));
        List<EventMessage<?>> events = List.of(message(alice1), message(bob1), message(carol1), message(alice2),
                message(carol2), message(carol3), cancelled(alice1.orderId(), "out of stock", T0.plusSeconds(20)),
                completed(carol2.orderId(), T0.plusSeconds(30)));
        pipeline.publish(events);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(summaries.count()).isEqualTo(6);
            assertThat(summaries.find(alice1.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(summaries.find(carol2.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.COMPLETED);
        });

        assertThat(ids(summaries.ofCustomer(alice, 0, 10))).containsExactly(alice2.orderId(), alice1.orderId());
        assertThat(summaries.ofCustomer(alice, 0, 10).orders()).extracting(OrderSummary::status)
                .containsExactly(OrderStatus.PLACED, OrderStatus.CANCELLED);
        assertThat(ids(summaries.ofCustomer(bob, 0, 10))).containsExactly(bob1.orderId());
        assertThat(ids(summaries.ofCustomer(carol, 0, 10)))
                .containsExactly(carol3.orderId(), carol2.orderId(), carol1.orderId());
        assertThat(summaries.ofCustomer(carol, 0, 10).orders()).extracting(OrderSummary::customerId).containsOnly(carol);
        assertThat(summaries.ofCustomer(bob, 0, 10).total()).isEqualTo(1);
    }

    private OrderSummary awaitSummary(OrderId order) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> summaries.find(order), found -> found.isPresent())
                .orElseThrow();
    }

    private static List<OrderId> ids(OrderSummaries.CustomerOrders page) {
        return page.orders().stream().map(OrderSummary::orderId).toList();
    }
}
