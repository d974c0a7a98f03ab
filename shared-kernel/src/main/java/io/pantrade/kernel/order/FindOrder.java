package io.pantrade.kernel.order;

/** Answered with an {@link OrderView}, or {@code null} when no such order is known. */
public record FindOrder(OrderId orderId) {
}
