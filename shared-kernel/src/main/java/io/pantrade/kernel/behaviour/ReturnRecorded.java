package io.pantrade.kernel.behaviour;

import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderLine;

import java.time.Instant;
import java.util.List;

/** {@code total} is the positive value of the goods returned. */
public record ReturnRecorded(ReturnId returnId, CustomerId customerId, List<OrderLine> lines, Money total,
                             Instant returnedAt) {

    public ReturnRecorded {
        lines = List.copyOf(lines);
    }
}
