package io.pantrade.app;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Test-only: an aggregate whose events ({@link Recorded}, numbered) are handled by
 * {@link FaultProbeProjection} and {@link FaultProbeSaga}, which throw for the events a test made
 * faulty, as often as it said, and count the handlings that succeeded. The faults are static:
 * Axon creates sagas itself, and a test restarts the engine.
 */
@Aggregate
class FaultProbe {

    static final String PROJECTION = "fault-probe-projection";
    static final String SAGA = "fault-probe-saga";

    record Record(@TargetAggregateIdentifier String probeId, int number) {
    }

    record Recorded(String probeId, int number) {
    }

    private static final Map<String, AtomicInteger> FAILURES_LEFT = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> HANDLED = new ConcurrentHashMap<>();

    @AggregateIdentifier
    private String probeId;

    FaultProbe() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(Record command) {
        apply(new Recorded(command.probeId(), command.number()));
    }

    @EventSourcingHandler
    void on(Recorded recorded) {
        probeId = recorded.probeId();
    }

    static void record(Engine engine, String probeId, int number) {
        engine.bean(CommandGateway.class).sendAndWait(new Record(probeId, number));
    }

    /** {@code handler} fails the event this many times from now on. */
    static void failNext(String handler, String probeId, int number, int times) {
        FAILURES_LEFT.put(key(handler, probeId, number), new AtomicInteger(times));
    }

    /** Every handler handles the probe's events from now on. */
    static void fix(String probeId) {
        FAILURES_LEFT.keySet().removeIf(key -> key.contains("/" + probeId + "/"));
    }

    /** Called first by each handler: throws while the event should still fail. */
    static void failIfFaulty(String handler, Recorded event) {
        AtomicInteger left = FAILURES_LEFT.get(key(handler, event.probeId(), event.number()));
        if (left != null && left.getAndDecrement() > 0) {
            throw new IllegalStateException("fault injected for test event " + event.number());
        }
    }

    static void handled(String handler, Recorded event) {
        HANDLED.computeIfAbsent(key(handler, event.probeId(), event.number()), key -> new AtomicInteger())
                .incrementAndGet();
    }

    /** How often {@code handler} handled the event successfully, in this JVM. */
    static int timesHandled(String handler, String probeId, int number) {
        AtomicInteger times = HANDLED.get(key(handler, probeId, number));
        return times == null ? 0 : times.get();
    }

    private static String key(String handler, String probeId, int number) {
        return handler + "/" + probeId + "/" + number;
    }
}
