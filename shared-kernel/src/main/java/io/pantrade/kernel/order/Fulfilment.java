package io.pantrade.kernel.order;

import io.pantrade.kernel.delivery.GeoPoint;
import io.pantrade.kernel.delivery.ParcelSize;
import io.pantrade.kernel.delivery.TimeWindow;
import io.pantrade.kernel.payment.CardReference;
import io.pantrade.kernel.payment.MerchantId;

/**
 * How an order is to be paid and delivered: the merchant who sells and hands the parcel over at
 * {@code pickup}, the customer's card, and when and how big the delivery is. An order placed
 * without one (an imported historical order) is recorded and nothing more.
 */
public record Fulfilment(MerchantId merchantId,
                         CardReference card,
                         GeoPoint pickup,
                         TimeWindow window,
                         ParcelSize size) {
}
