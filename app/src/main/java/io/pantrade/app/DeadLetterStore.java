package io.pantrade.app;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * Where event handlers' dead letters are kept, one queue per processing group, with the rest of
 * Axon's own state: the H2 file ({@link JdbcDeadLetterStore}) or MongoDB ({@link MongoDeadLetterStore}).
 */
interface DeadLetterStore {

    SequencedDeadLetterQueue<EventMessage<?>> queue(String processingGroup);

    /** The sequence (by default the aggregate) a letter of one of this store's queues belongs to. */
    String sequenceOf(DeadLetter<?> letter);
}
