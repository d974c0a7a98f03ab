package io.pantrade.command.payment.simulated;

import io.pantrade.command.payment.PaymentProvider;
import io.pantrade.command.payment.ProviderWebhook;
import io.pantrade.kernel.payment.AuthorizationOutcome;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A payment provider inside the engine, for development, tests and benchmarks. It decides like a
 * provider's test mode, by the card's last four digits and by amount, and answers by a signed
 * webhook after a short delay. It stores nothing: a look-up answers with the decision it made,
 * which is the same decision again, so reconciliation works across restarts of the engine, as it
 * would against a real provider that keeps its records.
 */
public class SimulatedPaymentProvider implements PaymentProvider {

    /** Test cards, by their last four digits. */
    public static final String DECLINED_CARD = "0002";
    public static final String INSUFFICIENT_FUNDS_CARD = "9995";
    public static final String FAILING_CARD = "0119";
    /** Approved by the provider, but the answer to the call is lost: the payment becomes unknown. */
    public static final String TIME_OUT_CARD = "0077";

    private final long declineAboveMinor;
    private final WebhookDelivery webhooks;
    private final Clock clock;
    private final AtomicLong authorizationRequests = new AtomicLong();

    public SimulatedPaymentProvider(long declineAboveMinor, WebhookDelivery webhooks, Clock clock) {
        this.declineAboveMinor = declineAboveMinor;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @Override
    public void requestAuthorization(AuthorizationRequest request) {
        authorizationRequests.incrementAndGet();
        if (TIME_OUT_CARD.equals(request.card().last4())) {
            throw new ProviderTimedOut("the simulated provider did not answer in time");
        }
        Answer answer = decide(request);
        webhooks.deliverLater(new ProviderWebhook("whk_" + UUID.randomUUID(), request.paymentId(), answer.outcome(),
                answer.providerReference(), answer.reason(), clock.instant()));
    }

    @Override
    public Answer lookUp(AuthorizationRequest request) {
        return decide(request);
    }

    /**
     * Authorizations received since this engine started: a count, not a record per payment, so a
     * long-running engine does not grow with it. Tests compare it with the payments they made.
     */
    public long authorizationRequests() {
        return authorizationRequests.get();
    }

    private Answer decide(AuthorizationRequest request) {
        String reference = "psp_" + request.paymentId().value();
        String last4 = request.card().last4();
        if (DECLINED_CARD.equals(last4)) {
            return new Answer(AuthorizationOutcome.DECLINED, reference, "card-declined");
        }
        if (INSUFFICIENT_FUNDS_CARD.equals(last4)) {
            return new Answer(AuthorizationOutcome.DECLINED, reference, "insufficient-funds");
        }
        if (FAILING_CARD.equals(last4)) {
            return new Answer(AuthorizationOutcome.FAILED, reference, "processing-error");
        }
        if (request.amount().amountMinor() > declineAboveMinor) {
            return new Answer(AuthorizationOutcome.DECLINED, reference, "amount-above-card-limit");
        }
        return new Answer(AuthorizationOutcome.APPROVED, reference, null);
    }
}
