package io.pantrade.kernel.order;

import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.privacy.SealedText;

/**
 * The order is to be paid and delivered: starts its fulfilment. {@code dropOff} is the order's
 * delivery address, sealed under the customer's key.
 */
public record FulfilmentRequested(OrderId orderId,
                                  CustomerId customerId,
                                  Money total,
                                  Fulfilment fulfilment,
                                  SealedText dropOff) {
}
