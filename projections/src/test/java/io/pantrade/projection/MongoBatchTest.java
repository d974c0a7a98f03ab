package io.pantrade.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.pantrade.testing.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** What one flush does to the database, whatever the order the handlers asked for it. */
class MongoBatchTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = EmbeddedMongo.perTestClass();

    private MongoCollection<Document> things;

    @BeforeEach
    void emptyCollection() {
        things = mongo.emptyDatabase("batch").getCollection("things");
    }

    @Test
    void a_document_to_create_that_exists_is_left_as_it_is() {
        things.insertOne(new Document("_id", "a").append("state", "changed since"));
        MongoBatch batch = new MongoBatch();
        batch.createIfAbsent(things, new Document("_id", "a").append("state", "new"));
        batch.createIfAbsent(things, new Document("_id", "b").append("state", "new"));

        batch.flush();

        assertThat(things.find(Filters.eq("_id", "a")).first().getString("state")).isEqualTo("changed since");
        assertThat(things.find(Filters.eq("_id", "b")).first().getString("state")).isEqualTo("new");
    }

    @Test
    void creations_are_written_before_the_writes_that_follow_them_in_event_order() {
        MongoBatch batch = new MongoBatch();
        batch.createIfAbsent(things, new Document("_id", "order").append("status", "PLACED"));
        batch.add(things, new UpdateOneModel<>(Filters.eq("_id", "order"), Updates.set("status", "CANCELLED")));

        batch.flush();

        assertThat(things.find(Filters.eq("_id", "order")).first().getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void field_sets_on_one_document_are_merged_and_create_it_when_missing() {
        MongoBatch batch = new MongoBatch();
        batch.setField(things, "customer", "orders.o1", 1);
        batch.setField(things, "customer", "orders.o2", 2);
        batch.setField(things, "customer", "orders.o1", 1);

        batch.flush();

        assertThat(things.find(Filters.eq("_id", "customer")).first().get("orders", Document.class))
                .containsEntry("o1", 1).containsEntry("o2", 2).hasSize(2);
    }

    @Test
    void fields_set_together_and_one_by_one_merge_and_the_last_value_of_a_field_wins() {
        MongoBatch batch = new MongoBatch();
        batch.setFields(things, "account", new Document("balance", 1).append("count", 1));
        batch.setField(things, "account", "entries.1", "first");
        batch.setFields(things, "account", new Document("balance", 3).append("entries.2", "second"));

        batch.flush();

        Document account = things.find(Filters.eq("_id", "account")).first();
        assertThat(account.getInteger("balance")).isEqualTo(3);
        assertThat(account.getInteger("count")).isEqualTo(1);
        assertThat(account.get("entries", Document.class)).containsEntry("1", "first").containsEntry("2", "second");
    }

    @Test
    void a_flushed_batch_is_empty() {
        MongoBatch batch = new MongoBatch();
        batch.createIfAbsent(things, new Document("_id", "x"));
        batch.flush();
        things.deleteMany(new Document());

        batch.flush();

        assertThat(things.countDocuments()).isZero();
    }
}
