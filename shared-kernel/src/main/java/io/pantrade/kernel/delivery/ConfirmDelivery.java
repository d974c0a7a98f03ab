package io.pantrade.kernel.delivery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The courier handed the parcel over. */
public record ConfirmDelivery(@TargetAggregateIdentifier DeliveryId deliveryId,
                              CourierId courierId,
                              DeliveryProof proof) {
}
