package io.pantrade.kernel.payment;

import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks the payment provider to hold {@code amount} on the card; the outcome arrives later. */
public record AuthorizePayment(@TargetAggregateIdentifier PaymentId paymentId,
                               OrderId orderId,
                               CustomerId customerId,
                               MerchantId merchantId,
                               Money amount,
                               CardReference card) {
}
