package io.pantrade.app;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Test-only: the smallest aggregate that schedules, cancels and handles a deadline, or has
 * {@link DeadlineProbeSaga} do it for a saga. Whether a deadline fired, and when, is read back
 * from the probe's events, which outlive the engine that handled it.
 */
@Aggregate
class DeadlineProbe {

    private static final String DEADLINE = "probe";

    record Arm(@TargetAggregateIdentifier String probeId, Instant due) {
    }

    record Disarm(@TargetAggregateIdentifier String probeId) {
    }

    record Armed(String probeId, String scheduleId) {
    }

    record ArmSaga(@TargetAggregateIdentifier String probeId, Instant due) {
    }

    record SagaArmed(String probeId, Instant due) {
    }

    record RecordFired(@TargetAggregateIdentifier String probeId) {
    }

    record Due(String probeId) {
    }

    record Fired(String probeId) {
    }

    @AggregateIdentifier
    private String probeId;
    private String scheduleId;

    DeadlineProbe() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    String handle(Arm command, DeadlineManager deadlines) {
        String id = deadlines.schedule(command.due(), DEADLINE, new Due(command.probeId()));
        apply(new Armed(command.probeId(), id));
        return id;
    }

    @CommandHandler
    void handle(Disarm command, DeadlineManager deadlines) {
        deadlines.cancelSchedule(DEADLINE, scheduleId);
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    void on(Due due) {
        apply(new Fired(due.probeId()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(ArmSaga command) {
        apply(new SagaArmed(command.probeId(), command.due()));
    }

    @CommandHandler
    void handle(RecordFired command) {
        apply(new Fired(probeId));
    }

    @EventSourcingHandler
    void on(Armed armed) {
        probeId = armed.probeId();
        scheduleId = armed.scheduleId();
    }

    @EventSourcingHandler
    void on(SagaArmed armed) {
        probeId = armed.probeId();
    }

    static Armed arm(Engine engine, Instant due) {
        String probeId = UUID.randomUUID().toString();
        String scheduleId = engine.bean(CommandGateway.class).sendAndWait(new Arm(probeId, due));
        return new Armed(probeId, scheduleId);
    }

    /** @return the new probe's id */
    static String armSaga(Engine engine, Instant due) {
        String probeId = UUID.randomUUID().toString();
        engine.bean(CommandGateway.class).sendAndWait(new ArmSaga(probeId, due));
        return probeId;
    }

    static void disarm(Engine engine, String probeId) {
        engine.bean(CommandGateway.class).sendAndWait(new Disarm(probeId));
    }

    /** @return when the probe's deadline was handled, if it was */
    static Optional<Instant> firedAt(Engine engine, String probeId) {
        return engine.bean(EventStore.class).readEvents(probeId).asStream()
                .filter(event -> event.getPayload() instanceof Fired)
                .map(event -> event.getTimestamp())
                .findFirst();
    }

    /** Until JobRunr holds no deadline that is still to run: every one due has been handled. */
    static void awaitNoneLeftToRun(Engine engine) {
        StorageProvider jobs = engine.bean(DeadlineStorage.class).jobs();
        await().atMost(Duration.ofSeconds(20)).until(() -> Stream.of(StateName.SCHEDULED, StateName.ENQUEUED, StateName.PROCESSING)
                .allMatch(state -> jobs.countJobs(state) == 0));
    }
}
