package io.pantrade.app;

import io.pantrade.command.idempotency.IdempotencyStore;
import io.pantrade.command.idempotency.JdbcIdempotencyStore;
import io.pantrade.command.signing.JdbcNonceStore;
import io.pantrade.command.signing.NonceStore;
import io.pantrade.command.payment.card.CardVaultStore;
import io.pantrade.command.payment.card.JdbcCardVaultStore;
import io.pantrade.privacy.JdbcSubjectKeyStore;
import io.pantrade.privacy.SubjectKeyStore;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.serialization.Serializer;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.sql.h2.H2StorageProvider;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Axon's own state (dead letters included), idempotency keys, signed requests' nonces, subject keys and the card vault in
 * the embedded H2 file, next to the events.
 * Axon's auto-configuration supplies the JDBC token and saga stores; this adds their tables.
 * Deadlines are in JobRunr's tables there too, written on JobRunr's own connection when the
 * scheduling unit of work prepares its commit, not in the events' transaction.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pantrade.axon-state", havingValue = "jdbc", matchIfMissing = true)
class JdbcAxonState {

    @Bean
    IdempotencyStore idempotencyStore(DataSource dataSource) {
        JdbcIdempotencyStore store = new JdbcIdempotencyStore(dataSource);
        store.createSchema();
        return store;
    }

    @Bean
    NonceStore nonceStore(DataSource dataSource) {
        JdbcNonceStore store = new JdbcNonceStore(dataSource);
        store.createSchema();
        return store;
    }

    @Bean
    CardVaultStore cardVaultStore(DataSource dataSource) {
        JdbcCardVaultStore store = new JdbcCardVaultStore(dataSource);
        store.createSchema();
        return store;
    }

    @Bean
    SubjectKeyStore subjectKeyStore(SideConnections side) {
        JdbcSubjectKeyStore store = new JdbcSubjectKeyStore(side.dataSource());
        store.createSchema();
        return store;
    }

    /** JobRunr creates and migrates its tables itself. */
    @Bean
    DeadlineStorage deadlineStorage(SideConnections side) {
        return new DeadlineStorage(new H2StorageProvider(side.dataSource(), DatabaseOptions.CREATE),
                "JobRunr tables jobrunr_* in the H2 file database, next to the events");
    }

    @Bean
    DeadLetterStore deadLetterStore(DataSource dataSource, ConnectionProvider connections, TransactionManager transactions,
                                    Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer)
            throws SQLException {
        JdbcDeadLetterStore store = new JdbcDeadLetterStore(connections, transactions, serializer, eventSerializer);
        if (!tableExists(dataSource, JdbcDeadLetterStore.TABLE)) {
            store.createSchema();
        }
        return store;
    }

    @Bean
    InitializingBean axonStateTables(DataSource dataSource, TokenStore tokenStore, SagaStore<?> sagaStore) {
        return () -> {
            if (tokenStore instanceof JdbcTokenStore jdbcTokens) {
                jdbcTokens.createSchema(GenericTokenTableFactory.INSTANCE);
            }
            // Axon's saga DDL has no IF NOT EXISTS
            if (sagaStore instanceof JdbcSagaStore jdbcSagas) {
                if (!tableExists(dataSource, "SagaEntry")) {
                    jdbcSagas.createSchema();
                }
                indexSagaAssociations(dataSource);
            }
        };
    }

    /**
     * Axon's JDBC saga schema gives the association table no index but its id, so finding the sagas
     * of an event's association, and loading a saga's associations, scanned every association of
     * every running saga, once per event. These are the indexes Axon's JPA mapping of the same table
     * declares. Created at every start if missing, so a database made before them gets them too.
     */
    private static void indexSagaAssociations(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE INDEX IF NOT EXISTS AssociationValueEntry_association"
                    + " ON AssociationValueEntry (sagaType, associationKey, associationValue)");
            ddl.execute("CREATE INDEX IF NOT EXISTS AssociationValueEntry_saga ON AssociationValueEntry (sagaId, sagaType)");
        }
    }

    private static boolean tableExists(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, table.toUpperCase(), null)) {
            return tables.next();
        }
    }
}
