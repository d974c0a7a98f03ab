package io.pantrade.app;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.spring.stereotype.Saga;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Test-only: a saga per {@link FaultProbe}, keeping the numbers of the events it handled, in order.
 * It adds a number before it may fail, so a failed handling that was stored would show.
 * Public because Axon creates sagas reflectively; stored as JSON, fields and all.
 */
@Saga
@ProcessingGroup(FaultProbe.SAGA)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class FaultProbeSaga {

    private final List<Integer> seen = new ArrayList<>();

    @StartSaga
    @SagaEventHandler(associationProperty = "probeId")
    void on(FaultProbe.Recorded event) {
        seen.add(event.number());
        FaultProbe.failIfFaulty(FaultProbe.SAGA, event);
        FaultProbe.handled(FaultProbe.SAGA, event);
    }

    /** The numbers as stored by the saga store, none if the probe has no saga. */
    @SuppressWarnings("unchecked")
    static List<Integer> seen(Engine engine, String probeId) {
        SagaStore<Object> store = engine.bean(SagaStore.class);
        Set<String> ids = store.findSagas(FaultProbeSaga.class, new AssociationValue("probeId", probeId));
        if (ids.isEmpty()) {
            return List.of();
        }
        return List.copyOf(((FaultProbeSaga) store.loadSaga(FaultProbeSaga.class, ids.iterator().next()).saga()).seen);
    }
}
