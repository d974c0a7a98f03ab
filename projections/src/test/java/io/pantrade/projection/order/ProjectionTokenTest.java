package io.pantrade.projection.order;

import io.pantrade.projection.InOrderEventStorageEngine;
import io.pantrade.testing.EmbeddedMongo;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderPlaced;
import io.pantrade.projection.ProjectionPipeline;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.pantrade.projection.order.OrderEvents.T0;
import static io.pantrade.projection.order.OrderEvents.customer;
import static io.pantrade.projection.order.OrderEvents.message;
import static io.pantrade.projection.order.OrderEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The processor's token is kept next to the read model it describes, and never runs ahead of it. */
class ProjectionTokenTest {

    /** A server per test: the tests check which databases exist. */
    @RegisterExtension
    final EmbeddedMongo mongo = EmbeddedMongo.perTest();

    private ProjectionPipeline pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void the_tokens_live_in_the_read_model_database() {
        MongoDatabase readModels = mongo.emptyDatabase("order_read_models");
        pipeline = OrderEvents.pipeline(new InOrderEventStorageEngine(), readModels, new ProjectionTuning(100, 2));
        OrderSummaries summaries = new OrderSummaries(readModels);
        List<OrderPlaced> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(placed(customer(), T0.plusSeconds(i)));
        }
        pipeline.publish(orders.stream().map(OrderEvents::message).toList());
        long head = pipeline.headIndex();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(summaries.count()).isEqualTo(20);
            assertThat(pipeline.storedTokenPositions()).containsOnlyKeys(0, 1);
            assertThat(pipeline.storedTokenPositions().values()).allSatisfy(position ->
                    assertThat(position).isGreaterThanOrEqualTo(head));
        });
        assertThat(readModels.listCollectionNames()).contains(ProjectionPipeline.TOKENS, OrderSummaries.ORDERS,
                OrderSummaries.CUSTOMER_ORDERS);
        assertThat(mongo.client().listDatabaseNames()).containsOnly("order_read_models");
    }

    @Test
    void a_batch_whose_writes_fail_leaves_the_token_behind_and_is_retried() {
        MongoDatabase readModels = mongo.emptyDatabase("failing_read_models");
        pipeline = OrderEvents.pipeline(new InOrderEventStorageEngine(), readModels, new ProjectionTuning(100, 1));
        OrderSummaries summaries = new OrderSummaries(readModels);
        OrderPlaced before = placed(customer(), T0);
        pipeline.publish(message(before));
        long beforeIndex = pipeline.headIndex();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(pipeline.storedTokenPositions()).containsEntry(0, beforeIndex));

        // a customer listing MongoDB cannot set a field in: every flush of this customer's order fails
        CustomerId poisoned = customer();
        OrderPlaced failing = placed(poisoned, T0.plusSeconds(1));
        String poisonedListing = OrderSummaries.listingPart(poisoned, failing.orderId());
        MongoCollection<Document> listings = readModels.getCollection(OrderSummaries.CUSTOMER_ORDERS);
        listings.insertOne(new Document("_id", poisonedListing).append("orders", "not a list"));
        OrderPlaced after = placed(customer(), T0.plusSeconds(2));
        pipeline.publish(message(failing), message(after));
        long lastIndex = pipeline.headIndex();

        await().atMost(Duration.ofSeconds(30)).until(() -> summaries.find(failing.orderId()).isPresent());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(pipeline.storedTokenPositions()).containsEntry(0, beforeIndex));

        listings.deleteOne(Filters.eq("_id", poisonedListing));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(pipeline.storedTokenPositions()).containsEntry(0, lastIndex);
            assertThat(summaries.ofCustomer(poisoned, 0, 10).orders())
                    .extracting(OrderSummary::orderId).containsExactly(failing.orderId());
            assertThat(summaries.ofCustomer(after.customerId(), 0, 10).total()).isEqualTo(1);
        });
    }
}
