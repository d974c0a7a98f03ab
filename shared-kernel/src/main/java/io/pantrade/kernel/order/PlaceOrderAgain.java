package io.pantrade.kernel.order;

import io.pantrade.kernel.customer.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * A {@link PlaceOrder} whose order id turned out to be taken, sent to the order that holds it: that
 * order accepts it, changing nothing, if it is the same order (same customer, same lines), and
 * refuses it otherwise. An order id is taken when a request is re-run after its answer was lost.
 */
public record PlaceOrderAgain(@TargetAggregateIdentifier OrderId orderId, CustomerId customerId, List<OrderLine> lines) {

    public PlaceOrderAgain {
        lines = lines == null ? null : List.copyOf(lines);
    }

    public static PlaceOrderAgain of(PlaceOrder command) {
        return new PlaceOrderAgain(command.orderId(), command.customerId(), command.lines());
    }
}
