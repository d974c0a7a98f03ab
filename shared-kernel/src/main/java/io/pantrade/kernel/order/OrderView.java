package io.pantrade.kernel.order;

import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;

import java.time.Instant;
import java.util.List;

/**
 * An order as the read side shows it. {@code deliveryAddress} is {@code null} once the customer's
 * personal data was erased.
 */
public record OrderView(OrderId orderId,
                        CustomerId customerId,
                        OrderStatus status,
                        List<OrderLine> lines,
                        Money total,
                        DeliveryAddress deliveryAddress,
                        Instant placedAt,
                        Instant cancelledAt,
                        String cancelReason,
                        Instant completedAt) {
}
