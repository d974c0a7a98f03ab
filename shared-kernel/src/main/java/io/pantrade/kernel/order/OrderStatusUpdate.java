package io.pantrade.kernel.order;

import java.time.Instant;

/**
 * What a subscriber to {@link FindOrder} is sent when the order-summary read model changes the
 * order's status: once it is placed, cancelled or completed there, so a client reading the order
 * right after gets at least this status.
 */
public record OrderStatusUpdate(OrderId orderId, OrderStatus status, Instant at) {
}
