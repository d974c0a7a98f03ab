package io.pantrade.projection;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands a batch of events to an annotated projection the way a streaming processor does: one
 * {@link BatchingUnitOfWork} for the batch, {@link FlushMongoBatch} around every message, rolled back
 * on any failure. For tests that need the handlers without a running processor.
 */
public final class ProcessorBatch {

    private ProcessorBatch() {
    }

    public static void handle(Object projection, List<? extends EventMessage<?>> events) throws Exception {
        handle(projection, events, unitOfWork -> {
        });
    }

    /**
     * A batch whose writes were flushed but whose token could not be stored: the unit of work rolls
     * back, and a processor would deliver the same events again.
     */
    public static void handleUncommitted(Object projection, List<? extends EventMessage<?>> events) {
        try {
            handle(projection, events, unitOfWork -> unitOfWork.onPrepareCommit(u -> {
                throw new IllegalStateException("the token store is unreachable");
            }));
        } catch (Exception expected) {
            if (!"the token store is unreachable".equals(expected.getMessage())) {
                throw new IllegalStateException(expected);
            }
            return;
        }
        throw new IllegalStateException("the batch committed");
    }

    /** @param beforeRun given the batch's unit of work before it runs, e.g. to add a phase handler */
    public static void handle(Object projection, List<? extends EventMessage<?>> events,
                              Consumer<BatchingUnitOfWork<EventMessage<?>>> beforeRun) throws Exception {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(events));
        beforeRun.accept(unitOfWork);
        ResultMessage<?> result = unitOfWork.executeWithResult(
                () -> new DefaultInterceptorChain<EventMessage<?>>(unitOfWork, List.of(new FlushMongoBatch()),
                        handlers::handle).proceed(),
                RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof Exception exception ? exception : new IllegalStateException(failure);
        }
    }

    /** Runs the projection's {@code @ResetHandler}s, as a processor does before a replay. */
    public static void reset(Object projection) {
        new AnnotationEventHandlerAdapter(projection).prepareReset();
    }
}
