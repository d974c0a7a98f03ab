package io.pantrade.kernel.order;

import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.privacy.SealedText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * The delivery address arrives already sealed under the customer's key: the clear text never
 * travels through the command bus or reaches the event store. {@code fulfilment} is {@code null}
 * for an order that is only recorded (imported history), not paid and delivered through the engine.
 */
public record PlaceOrder(@TargetAggregateIdentifier OrderId orderId,
                         CustomerId customerId,
                         List<OrderLine> lines,
                         SealedText deliveryAddress,
                         Instant placedAt,
                         Fulfilment fulfilment) {

    public PlaceOrder {
        lines = lines == null ? null : List.copyOf(lines);
    }
}
