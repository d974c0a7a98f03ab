package io.pantrade.kernel.payment;

import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderId;

import java.time.Instant;
import java.util.List;

/** A payment as the read side shows it, with every step it went through, oldest first. */
public record PaymentView(PaymentId paymentId,
                          OrderId orderId,
                          CustomerId customerId,
                          MerchantId merchantId,
                          PaymentStatus status,
                          Money authorized,
                          Money captured,
                          Money refunded,
                          Money fees,
                          CardReference card,
                          String providerReference,
                          Instant expiresAt,
                          List<Step> history) {

    public PaymentView {
        history = List.copyOf(history);
    }

    /** {@code amount} and {@code reason} are {@code null} where a step has none. */
    public record Step(String type, Money amount, String reason, Instant at) {
    }
}
