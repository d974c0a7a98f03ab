package io.pantrade.app;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoDeadLetter;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;

/**
 * axon-mongo's dead-letter queues in the collection {@code deadletters}. The queue declares its
 * indexes itself; the in-process embedded server keeps only the unique one and scans for the rest,
 * which is fine for a queue that should stay short.
 */
final class MongoDeadLetterStore implements DeadLetterStore {

    private final MongoTemplate template;
    private final Serializer serializer;

    MongoDeadLetterStore(MongoTemplate template, Serializer serializer) {
        this.template = template;
        this.serializer = serializer;
    }

    @Override
    public SequencedDeadLetterQueue<EventMessage<?>> queue(String processingGroup) {
        return MongoSequencedDeadLetterQueue.builder()
                .processingGroup(processingGroup)
                .mongoTemplate(template)
                .serializer(serializer)
                .build();
    }

    @Override
    public String sequenceOf(DeadLetter<?> letter) {
        return ((MongoDeadLetter<?>) letter).sequenceIdentifier();
    }
}
