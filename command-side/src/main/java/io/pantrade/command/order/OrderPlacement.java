package io.pantrade.command.order;

import io.pantrade.kernel.order.PlaceOrder;
import io.pantrade.kernel.order.PlaceOrderAgain;
import io.pantrade.kernel.rules.Rejections;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Places an order as a new order (see {@code Order}), and when that fails for any reason but a
 * broken rule, asks the order that may already hold the id whether it is the same order. Matching
 * the failure itself would tie this to the event store: the H2 store reports a taken id as an
 * {@code AggregateStreamCreationException}, Axon Server as a {@code ConcurrencyException}.
 */
@Component
public class OrderPlacement {

    private final CommandGateway commands;

    public OrderPlacement(CommandGateway commands) {
        this.commands = commands;
    }

    public void place(PlaceOrder command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException failure) {
            if (Rejections.ruleOf(failure).isPresent()) {
                throw failure;
            }
            placeAgain(command, failure);
        }
    }

    /** When no order holds the id, the first failure was a fault, and is what the caller gets. */
    private void placeAgain(PlaceOrder command, RuntimeException firstFailure) {
        try {
            commands.sendAndWait(PlaceOrderAgain.of(command));
        } catch (RuntimeException failure) {
            if (Rejections.refusedFor(failure, Rejections.NOT_FOUND)) {
                throw firstFailure;
            }
            throw failure;
        }
    }
}
