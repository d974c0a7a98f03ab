package io.pantrade.command.payment;

import io.pantrade.kernel.Money;
import io.pantrade.kernel.payment.AuthorizationOutcome;
import io.pantrade.kernel.payment.CardReference;
import io.pantrade.kernel.payment.MerchantId;
import io.pantrade.kernel.payment.PaymentId;

/**
 * The payment service provider, as the engine sees it. Authorizations are asynchronous: the
 * provider answers later with a signed webhook. Both calls are keyed by the payment id, which the
 * provider treats as an idempotency key, so asking twice never charges twice.
 */
public interface PaymentProvider {

    /**
     * Sends the authorization; the answer comes by webhook.
     *
     * @throws ProviderTimedOut if the provider did not confirm receipt in time: it may or may not
     *                          have received it, so the engine must ask, never send it again
     */
    void requestAuthorization(AuthorizationRequest request);

    /** What the provider knows of this authorization; {@link Answer#NONE} if it never received it. */
    Answer lookUp(AuthorizationRequest request);

    record AuthorizationRequest(PaymentId paymentId, MerchantId merchantId, Money amount, CardReference card) {
    }

    /** {@code outcome} is {@code null} when the provider has no answer (yet). */
    record Answer(AuthorizationOutcome outcome, String providerReference, String reason) {

        public static final Answer NONE = new Answer(null, null, null);
    }

    class ProviderTimedOut extends RuntimeException {

        public ProviderTimedOut(String message) {
            super(message);
        }
    }
}
