package io.pantrade.kernel.behaviour;

import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderLine;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Goods a customer sent back (an imported history's cancellation invoice); quantities and prices
 * are positive. {@code returnedAt} is business time: an imported return keeps its original date.
 */
public record RecordReturn(@TargetAggregateIdentifier ReturnId returnId,
                           CustomerId customerId,
                           List<OrderLine> lines,
                           Instant returnedAt) {

    public RecordReturn {
        lines = lines == null ? null : List.copyOf(lines);
    }
}
