package io.pantrade.command.payment;

import io.pantrade.kernel.payment.AuthorizationOutcome;
import io.pantrade.kernel.payment.AwaitingOutcome;
import io.pantrade.kernel.payment.PaymentsAwaitingOutcome;
import io.pantrade.kernel.payment.RecordAuthorizationOutcome;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Settles authorizations the provider's webhook did not: those whose call timed out (unknown) at
 * once, those merely waiting once they waited longer than a webhook should take. It only asks the
 * provider, never sends an authorization again, so a payment can never be charged twice. A payment
 * unknown to the provider long after its call timed out never reached it, and fails.
 */
@Component
class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final PaymentProvider provider;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final Duration webhookGrace;
    private final Duration giveUpAfter;

    Reconciliation(PaymentProvider provider, CommandGateway commands, QueryGateway queries, Clock clock,
                   @Value("${pantrade.payments.reconciliation.webhook-grace:PT2M}") Duration webhookGrace,
                   @Value("${pantrade.payments.reconciliation.give-up-after:PT1H}") Duration giveUpAfter) {
        this.provider = provider;
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.webhookGrace = webhookGrace;
        this.giveUpAfter = giveUpAfter;
    }

    @Scheduled(initialDelayString = "${pantrade.payments.reconciliation.interval:PT30S}",
            fixedDelayString = "${pantrade.payments.reconciliation.interval:PT30S}")
    void reconcile() {
        List<AwaitingOutcome> awaiting = queries.query(new PaymentsAwaitingOutcome(),
                ResponseTypes.multipleInstancesOf(AwaitingOutcome.class)).join();
        Instant now = clock.instant();
        int settled = 0;
        for (AwaitingOutcome payment : awaiting) {
            if (due(payment, now) && settle(payment, now)) {
                settled++;
            }
        }
        if (settled > 0) {
            log.info("reconciliation settled {} of {} payments awaiting the provider", settled, awaiting.size());
        }
    }

    private boolean due(AwaitingOutcome payment, Instant now) {
        return payment.unknownSince() != null || payment.requestedAt().plus(webhookGrace).isBefore(now);
    }

    private boolean settle(AwaitingOutcome payment, Instant now) {
        PaymentProvider.Answer answer;
        try {
            answer = provider.lookUp(new PaymentProvider.AuthorizationRequest(payment.paymentId(),
                    payment.merchantId(), payment.amount(), payment.card()));
        } catch (RuntimeException unreachable) {
            log.warn("reconciliation could not reach the provider for payment {}: {}", payment.paymentId(),
                    unreachable.getMessage());
            return false;
        }
        if (answer.outcome() == null) {
            if (payment.unknownSince() == null || payment.unknownSince().plus(giveUpAfter).isAfter(now)) {
                return false;
            }
            answer = new PaymentProvider.Answer(AuthorizationOutcome.FAILED, null, "never reached the provider");
        }
        try {
            commands.sendAndWait(new RecordAuthorizationOutcome(payment.paymentId(), answer.outcome(),
                    answer.providerReference(), answer.reason()));
            return true;
        } catch (CommandExecutionException refused) {
            log.warn("reconciliation of payment {} refused: {}", payment.paymentId(), refused.getMessage());
            return false;
        }
    }
}
