package io.pantrade.kernel.delivery;

import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.privacy.SealedText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A delivery for an order: from the merchant's pickup point to the customer's address (sealed under the customer's key). */
public record CreateDelivery(@TargetAggregateIdentifier DeliveryId deliveryId,
                             OrderId orderId,
                             GeoPoint pickup,
                             SealedText dropOff,
                             TimeWindow window,
                             ParcelSize size) {
}
