package io.pantrade.kernel.fulfilment;

import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.payment.PaymentId;

import java.time.Instant;
import java.util.List;

/** An order's way from placement to completion or cancellation: each step and when it happened. */
public record FulfilmentView(OrderId orderId,
                             FulfilmentStage stage,
                             PaymentId paymentId,
                             DeliveryId deliveryId,
                             List<Step> timeline) {

    public FulfilmentView {
        timeline = List.copyOf(timeline);
    }

    /** {@code step} names what happened ("payment-authorized", "courier-assigned", …); {@code detail} may be {@code null}. */
    public record Step(String step, String detail, Instant at) {
    }
}
