package io.pantrade.kernel.payment;

import io.pantrade.kernel.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code captureId} names this capture, so that running the same capture twice takes the money once. */
public record CapturePayment(@TargetAggregateIdentifier PaymentId paymentId, String captureId, Money amount) {
}
