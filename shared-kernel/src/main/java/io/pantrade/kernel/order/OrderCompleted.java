package io.pantrade.kernel.order;

public record OrderCompleted(OrderId orderId) {
}
