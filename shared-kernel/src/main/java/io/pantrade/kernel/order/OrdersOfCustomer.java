package io.pantrade.kernel.order;

import io.pantrade.kernel.customer.CustomerId;

/** Newest first; answered with an {@link OrderPage}. */
public record OrdersOfCustomer(CustomerId customerId, int page, int size) {
}
