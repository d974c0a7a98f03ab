package io.pantrade.app;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.GenericDeadLetterTableFactory;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC dead-letter queues in the H2 file: a letter is enqueued in the transaction of the
 * batch that failed, together with the token (and saga state) that moves past it.
 */
final class JdbcDeadLetterStore implements DeadLetterStore {

    static final String TABLE = "DeadLetterEntry";

    private final ConnectionProvider connections;
    private final TransactionManager transactions;
    private final Serializer serializer;
    private final Serializer eventSerializer;

    JdbcDeadLetterStore(ConnectionProvider connections, TransactionManager transactions, Serializer serializer,
                        Serializer eventSerializer) {
        this.connections = connections;
        this.transactions = transactions;
        this.serializer = serializer;
        this.eventSerializer = eventSerializer;
    }

    /** Axon's own DDL, table and indexes; it has no IF NOT EXISTS for the indexes, so call it once. */
    void createSchema() {
        queue("schema").createSchema(new GenericDeadLetterTableFactory());
    }

    @Override
    public JdbcSequencedDeadLetterQueue<EventMessage<?>> queue(String processingGroup) {
        return JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(processingGroup)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
    }

    @Override
    public String sequenceOf(DeadLetter<?> letter) {
        return ((JdbcDeadLetter<?>) letter).getSequenceIdentifier();
    }
}
