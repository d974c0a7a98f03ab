package io.pantrade.kernel.delivery;

import io.pantrade.kernel.privacy.SealedText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code name} is personal data, sealed under the courier's own key. {@code capacity} is in parcel-size units. */
public record RegisterCourier(@TargetAggregateIdentifier CourierId courierId,
                              SealedText name,
                              int capacity) {
}
