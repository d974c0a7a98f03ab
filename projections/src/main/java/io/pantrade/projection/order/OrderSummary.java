package io.pantrade.projection.order;

import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.order.OrderLine;
import io.pantrade.kernel.order.OrderStatus;
import io.pantrade.kernel.privacy.SealedText;

import java.time.Instant;
import java.util.List;

/** An order as the read model keeps it: the delivery address stays sealed until someone reads it. */
public record OrderSummary(OrderId orderId,
                           CustomerId customerId,
                           OrderStatus status,
                           List<OrderLine> lines,
                           Money total,
                           SealedText deliveryAddress,
                           Instant placedAt,
                           Instant cancelledAt,
                           String cancelReason,
                           Instant completedAt) {
}
