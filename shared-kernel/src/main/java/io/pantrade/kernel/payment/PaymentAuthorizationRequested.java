package io.pantrade.kernel.payment;

import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderId;

import java.time.Instant;

public record PaymentAuthorizationRequested(PaymentId paymentId,
                                            OrderId orderId,
                                            CustomerId customerId,
                                            MerchantId merchantId,
                                            Money amount,
                                            CardReference card,
                                            Instant requestedAt) {
}
