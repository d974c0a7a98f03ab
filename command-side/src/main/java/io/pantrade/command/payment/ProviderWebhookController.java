package io.pantrade.command.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantrade.command.idempotency.CommitDurability;
import io.pantrade.command.signing.NonceStore;
import io.pantrade.kernel.crypto.CanonicalRequest;
import io.pantrade.kernel.crypto.WebhookHeader;
import io.pantrade.kernel.crypto.WebhookVerdict;
import io.pantrade.kernel.crypto.WebhookVerifier;
import io.pantrade.kernel.payment.ProviderWebhookRejected;
import io.pantrade.kernel.payment.RecordAuthorizationOutcome;
import io.pantrade.web.Problems;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;

/**
 * Where the provider tells the outcome of an authorization. Nothing is acted on unless the body is
 * signed with a shared secret, recently, and its webhook id was not seen before; every refusal is
 * recorded as a {@link ProviderWebhookRejected} event. The answer waits until the outcome is
 * durable, so a provider that got a 2xx may stop retrying.
 */
@RestController
class ProviderWebhookController {

    private static final Logger log = LoggerFactory.getLogger(ProviderWebhookController.class);
    /**
     * Webhook ids share the store of signed requests' nonces: they are kept as long as a signature
     * timestamp stays acceptable, after which a replay is refused as stale anyway.
     */
    private static final String WEBHOOK_SENDER = "payment-provider";

    private final WebhookVerifier verifier;
    private final NonceStore webhookIds;
    private final CommandGateway commands;
    private final EventGateway events;
    private final CommitDurability durability;
    private final ObjectMapper json;
    private final Clock clock;

    ProviderWebhookController(WebhookVerifier verifier, NonceStore webhookIds, CommandGateway commands,
                              EventGateway events, ObjectProvider<CommitDurability> durability, ObjectMapper json,
                              Clock clock) {
        this.verifier = verifier;
        this.webhookIds = webhookIds;
        this.commands = commands;
        this.events = events;
        this.durability = durability.getIfAvailable(() -> CommitDurability.ALREADY_DURABLE);
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(path = ProviderWebhook.ENDPOINT, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(@RequestHeader(name = WebhookHeader.NAME, required = false) String signature,
                              @RequestBody byte[] body) {
        WebhookVerdict verdict = verifier.verify(signature, body);
        if (verdict != WebhookVerdict.VALID) {
            return reject(body, reasonOf(verdict), HttpStatus.UNAUTHORIZED,
                    "the webhook's signature is " + reasonOf(verdict).replace('-', ' '));
        }
        ProviderWebhook webhook;
        try {
            webhook = json.readValue(body, ProviderWebhook.class);
        } catch (IOException | IllegalArgumentException unreadable) {
            return reject(body, "unreadable", HttpStatus.BAD_REQUEST, "the webhook's body is not a provider webhook");
        }
        if (webhook.id() == null || webhook.paymentId() == null || webhook.outcome() == null) {
            return reject(body, "unreadable", HttpStatus.BAD_REQUEST, "a webhook needs an id, a paymentId and an outcome");
        }
        if (!webhookIds.useOnce(WEBHOOK_SENDER, webhook.id(), clock.instant())) {
            return reject(body, "replayed", HttpStatus.CONFLICT, "this webhook id was delivered before");
        }
        commands.sendAndWait(new RecordAuthorizationOutcome(webhook.paymentId(), webhook.outcome(),
                webhook.providerReference(), webhook.reason()));
        durability.awaitDurable();
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<ProblemDetail> reject(byte[] body, String reason, HttpStatus status, String detail) {
        log.warn("rejected a provider webhook: {}", reason);
        events.publish(new ProviderWebhookRejected(reason, CanonicalRequest.sha256Hex(body), clock.instant()));
        durability.awaitDurable();
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(status, "webhook-" + reason, "Webhook rejected", detail));
    }

    private static String reasonOf(WebhookVerdict verdict) {
        switch (verdict) {
            case MISSING:
                return "missing-signature";
            case MALFORMED:
                return "malformed-signature";
            case STALE:
                return "stale";
            default:
                return "bad-signature";
        }
    }
}
