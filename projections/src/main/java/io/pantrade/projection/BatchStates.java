package io.pantrade.projection;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The state of each thing a batch of events changes, read from its document the first time the
 * batch needs it and kept for the rest of the batch, so that an event sees what the earlier events
 * of the same batch did although their writes wait in the {@link MongoBatch} until it is flushed.
 * Lives as a resource of the batch's unit of work: a batch that is retried starts from the documents.
 */
public final class BatchStates<S> {

    private final String resource;
    private final Function<String, Optional<S>> stored;

    /** @param name tells this read model's states from another's in the same unit of work */
    public BatchStates(String name, Function<String, Optional<S>> stored) {
        this.resource = BatchStates.class.getName() + "." + name;
        this.stored = stored;
    }

    public Optional<S> get(String id) {
        return held().computeIfAbsent(id, stored);
    }

    public void put(String id, S state) {
        held().put(id, Optional.of(state));
    }

    private Map<String, Optional<S>> held() {
        return CurrentUnitOfWork.get().root().getOrComputeResource(resource, key -> new HashMap<>());
    }
}
