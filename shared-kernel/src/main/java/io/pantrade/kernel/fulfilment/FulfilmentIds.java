package io.pantrade.kernel.fulfilment;

import io.pantrade.kernel.Uuids;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.payment.PaymentId;

/**
 * The payment and the delivery of an order's fulfilment have ids derived from the order's, so a
 * step the saga runs twice (after a crash, a retry) finds what the first run created, and anyone
 * holding the order id can find them.
 */
public final class FulfilmentIds {

    private FulfilmentIds() {
    }

    public static PaymentId paymentOf(OrderId orderId) {
        return new PaymentId(Uuids.derived("fulfilment-payment", orderId.value()));
    }

    public static DeliveryId deliveryOf(OrderId orderId) {
        return new DeliveryId(Uuids.derived("fulfilment-delivery", orderId.value()));
    }

    /** Names the capture taken once the order is delivered, so capturing twice takes the money once. */
    public static String captureOf(OrderId orderId) {
        return Uuids.derived("fulfilment-capture", orderId.value());
    }

    public static String refundOf(OrderId orderId) {
        return Uuids.derived("fulfilment-refund", orderId.value());
    }
}
