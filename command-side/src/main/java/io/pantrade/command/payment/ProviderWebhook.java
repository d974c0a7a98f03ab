package io.pantrade.command.payment;

import io.pantrade.kernel.payment.AuthorizationOutcome;
import io.pantrade.kernel.payment.PaymentId;

import java.time.Instant;

/**
 * The body of the provider's webhook announcing an authorization's outcome. {@code id} is unique
 * per webhook: a second delivery of the same id is a replay.
 */
public record ProviderWebhook(String id, PaymentId paymentId, AuthorizationOutcome outcome, String providerReference,
                              String reason, Instant createdAt) {

    public static final String ENDPOINT = "/api/psp/webhooks";
}
