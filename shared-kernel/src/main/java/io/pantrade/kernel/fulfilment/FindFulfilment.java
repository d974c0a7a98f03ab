package io.pantrade.kernel.fulfilment;

import io.pantrade.kernel.order.OrderId;

/** Answered with a {@link FulfilmentView}, or {@code null} when the order has no fulfilment. */
public record FindFulfilment(OrderId orderId) {
}
