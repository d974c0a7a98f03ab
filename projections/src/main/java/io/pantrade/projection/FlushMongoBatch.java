package io.pantrade.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Writes a batch's read-model changes after its last event was handled and before the unit of
 * work commits. Axon stores the processor's token in the commit's prepare phase, so the token can
 * never run ahead of the read model it describes (MongoDB gives us no transaction to tie them).
 * A failing flush fails the batch, which the processor then retries.
 */
final class FlushMongoBatch implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        boolean lastOfBatch = !(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage();
        MongoBatch pending = MongoBatch.of(unitOfWork);
        if (lastOfBatch && pending != null) {
            pending.flush();
        }
        return result;
    }
}
