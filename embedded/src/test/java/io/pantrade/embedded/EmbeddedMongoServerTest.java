package io.pantrade.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMongoServerTest {

    @Test
    void documents_are_inserted_updated_and_deleted_without_the_server_measuring_them() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> listings = client.getDatabase("test").getCollection("listings");
            listings.insertOne(new Document("_id", "customer-1"));
            for (int order = 0; order < 200; order++) {
                listings.updateOne(Filters.eq("_id", "customer-1"), Updates.set("orders.order-" + order, order));
            }
            listings.insertOne(new Document("_id", "customer-2").append("orders", new Document("order-x", 1)));
            listings.deleteOne(Filters.eq("_id", "customer-2"));

            Document listing = listings.find(Filters.eq("_id", "customer-1")).first();
            assertThat(listing.get("orders", Document.class)).hasSize(200).containsEntry("order-199", 199);
            assertThat(listings.countDocuments()).isEqualTo(1);
            Document stats = client.getDatabase("test").runCommand(new Document("collStats", "listings"));
            assertThat(stats.get("size", Number.class).longValue())
                    .as("no document is encoded again to keep the collection's data size")
                    .isZero();
        }
    }
}
