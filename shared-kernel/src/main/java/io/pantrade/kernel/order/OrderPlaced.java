package io.pantrade.kernel.order;

import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.privacy.SealedText;

import java.time.Instant;
import java.util.List;

/** {@code placedAt} is business time: an imported historical order keeps its original date. */
public record OrderPlaced(OrderId orderId,
                          CustomerId customerId,
                          List<OrderLine> lines,
                          Money total,
                          SealedText deliveryAddress,
                          Instant placedAt) {

    public OrderPlaced {
        lines = List.copyOf(lines);
    }
}
