package io.pantrade.app;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Test-only: a saga that schedules a deadline for its probe and, when it fires, tells the probe.
 * Public because Axon creates sagas reflectively from another package; stored as JSON, fields and all.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class DeadlineProbeSaga {

    private static final String DEADLINE = "saga-probe";

    private String probeId;

    @StartSaga
    @SagaEventHandler(associationProperty = "probeId")
    void on(DeadlineProbe.SagaArmed armed, DeadlineManager deadlines) {
        probeId = armed.probeId();
        deadlines.schedule(armed.due(), DEADLINE, new DeadlineProbe.Due(probeId));
    }

    @EndSaga
    @DeadlineHandler(deadlineName = DEADLINE)
    void on(DeadlineProbe.Due due, CommandGateway commands) {
        commands.sendAndWait(new DeadlineProbe.RecordFired(probeId));
    }
}
