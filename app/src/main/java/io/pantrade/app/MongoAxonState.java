package io.pantrade.app;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.pantrade.command.idempotency.IdempotencyStore;
import io.pantrade.command.idempotency.MongoIdempotencyStore;
import io.pantrade.command.signing.MongoNonceStore;
import io.pantrade.command.signing.NonceStore;
import io.pantrade.command.payment.card.CardVaultStore;
import io.pantrade.command.payment.card.MongoCardVaultStore;
import io.pantrade.privacy.MongoSubjectKeyStore;
import io.pantrade.privacy.SubjectKeyStore;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.nosql.mongo.MongoDBStorageProvider;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Production's home for Axon's own state (saga store, tokens of sagas, dead letters, deadlines), idempotency
 * keys, signed requests' nonces, subject keys and the card vault: MongoDB, next to the read models.
 * Selected by the {@code axonserver} profile.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pantrade.axon-state", havingValue = "mongo")
class MongoAxonState {

    @Bean
    MongoTemplate axonMongoTemplate(MongoDatabase database) {
        return DefaultMongoTemplate.builder().mongoDatabase(database).build();
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    /**
     * The saga store finds an event's sagas by saga type and a whole {@code {key, value}} element of
     * their associations, and creates no index for that: without this one every event scanned every
     * running saga (the JDBC store had the same gap, see {@code JdbcAxonState}).
     */
    @Bean
    InitializingBean sagaAssociationIndex(MongoTemplate axonMongoTemplate) {
        return () -> axonMongoTemplate.sagaCollection().createIndex(Indexes.ascending("sagaType", "associations"));
    }

    @Bean
    DeadLetterStore deadLetterStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return new MongoDeadLetterStore(axonMongoTemplate, serializer);
    }

    /**
     * JobRunr sets up its collections and indexes as configured, except on the in-process embedded
     * server, whose lack of secondary indexes fails its migrations; there the collections appear on
     * the first write.
     */
    @Bean
    DeadlineStorage deadlineStorage(ReadModelStore.MongoConnection connection,
                                    @Value("${pantrade.deadlines.mongo-schema:create}") DatabaseOptions schema) {
        DatabaseOptions setUp = connection.embeddedServer() == null ? schema : DatabaseOptions.NO_VALIDATE;
        MongoDBStorageProvider jobs = new MongoDBStorageProvider(connection.client(), connection.database(), "jobrunr_",
                setUp);
        return new DeadlineStorage(jobs, "JobRunr collections jobrunr_* in " + connection.description()
                + " (database " + connection.database() + ")");
    }

    @Bean
    IdempotencyStore idempotencyStore(MongoDatabase database) {
        return new MongoIdempotencyStore(database);
    }

    @Bean
    NonceStore nonceStore(MongoDatabase database) {
        return new MongoNonceStore(database);
    }

    @Bean
    CardVaultStore cardVaultStore(MongoDatabase database) {
        return new MongoCardVaultStore(database);
    }

    @Bean
    SubjectKeyStore subjectKeyStore(MongoDatabase database) {
        return new MongoSubjectKeyStore(database);
    }
}
