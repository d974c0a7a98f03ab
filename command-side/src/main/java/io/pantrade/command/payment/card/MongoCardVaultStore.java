package io.pantrade.command.payment.card;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.pantrade.kernel.customer.CustomerId;
import org.bson.Document;

import java.util.Date;
import java.util.Optional;

/**
 * The production vault: collection {@code card_vault}, {@code _id} = the token. Writes wait for a
 * journaled majority: a card lost in a fail-over would leave its token pointing at nothing.
 */
public class MongoCardVaultStore implements CardVaultStore {

    private final MongoCollection<Document> entries;

    public MongoCardVaultStore(MongoDatabase database) {
        this.entries = database.getCollection("card_vault").withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    }

    @Override
    public void insert(VaultEntry entry) {
        entries.insertOne(new Document("_id", entry.token())
                .append("customerId", entry.owner().value())
                .append("sealedCard", entry.ciphertext())
                .append("createdAt", Date.from(entry.createdAt())));
    }

    @Override
    public Optional<VaultEntry> find(String token) {
        return Optional.ofNullable(entries.find(Filters.eq("_id", token)).first())
                .map(document -> new VaultEntry(token, new CustomerId(document.getString("customerId")),
                        document.getString("sealedCard"), document.getDate("createdAt").toInstant()));
    }
}
