package io.pantrade.kernel.order;

public record OrderCancelled(OrderId orderId, String reason) {
}
