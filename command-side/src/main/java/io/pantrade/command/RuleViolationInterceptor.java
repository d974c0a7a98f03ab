package io.pantrade.command;

import io.pantrade.kernel.rules.RuleViolatedException;
import io.pantrade.kernel.rules.Rejections;
import io.pantrade.kernel.rules.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Puts every refusal into the details of a {@link CommandExecutionException}: the one form that
 * reaches the sender unchanged whether the command ran in this JVM or behind Axon Server.
 */
@Component
class RuleViolationInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (RuleViolatedException violated) {
            throw new CommandExecutionException(violated.getMessage(), violated, violated.violation());
        } catch (AggregateNotFoundException unknown) {
            RuleViolation notFound = new RuleViolation(Rejections.NOT_FOUND,
                    "nothing with id " + unknown.getAggregateIdentifier() + " exists to "
                            + unitOfWork.getMessage().getPayloadType().getSimpleName(),
                    RuleViolation.Kind.NOT_FOUND);
            throw new CommandExecutionException(notFound.detail(), unknown, notFound);
        }
    }
}
