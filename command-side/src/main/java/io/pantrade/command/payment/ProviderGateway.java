package io.pantrade.command.payment;

import io.pantrade.kernel.payment.MarkAuthorizationUnknown;
import io.pantrade.kernel.payment.PaymentAuthorizationRequested;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Sends each requested authorization to the provider, once: its tracking token lives with Axon's
 * state, so after a restart it goes on where it stopped, and it is never replayed. If the handler
 * fails midway the event is handled again, which the provider's idempotency per payment id absorbs.
 */
@Component
@ProcessingGroup(ProviderGateway.PROCESSOR)
class ProviderGateway {

    static final String PROCESSOR = "payment-provider";

    private final PaymentProvider provider;
    private final CommandGateway commands;

    ProviderGateway(PaymentProvider provider, CommandGateway commands) {
        this.provider = provider;
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    void on(PaymentAuthorizationRequested event) {
        try {
            provider.requestAuthorization(new PaymentProvider.AuthorizationRequest(event.paymentId(),
                    event.merchantId(), event.amount(), event.card()));
        } catch (PaymentProvider.ProviderTimedOut timedOut) {
            commands.sendAndWait(new MarkAuthorizationUnknown(event.paymentId(), timedOut.getMessage()));
        }
    }
}
