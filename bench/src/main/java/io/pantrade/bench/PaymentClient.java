package io.pantrade.bench;

import io.pantrade.kernel.crypto.RequestSigner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECKey;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A payment client of the engine: its private key (from {@code --private-key}, as {@code client-key}
 * wrote it) and the signed POSTs it sends. Thread-safe: the workers of a scenario share it.
 */
final class PaymentClient {

    static final String MERCHANT_ID = "3c5d7e9f-1a2b-4c3d-8e4f-5a6b7c8d9e0f";
    /** The simulated provider approves it. */
    private static final String CARD_NUMBER = "4242424242424242";

    private final String clientId;
    private final RequestSigner signer;
    private final String algorithm;

    private PaymentClient(String clientId, PrivateKey privateKey) {
        this.clientId = clientId;
        this.signer = new RequestSigner(clientId, privateKey, Clock.systemUTC());
        this.algorithm = privateKey instanceof ECKey ? "ECDSA P-256" : "Ed25519";
    }

    /** A scenario ready to run, made from its command line and the client. */
    interface Scenario {
        int execute() throws Exception;
    }

    interface ScenarioFactory {
        /** @throws IllegalArgumentException with a message for the user */
        Scenario create(CommandLine line, PaymentClient client);
    }

    /**
     * Runs a scenario whose client signs: its command line takes the scenario's options, every
     * scenario's ({@link LoadSettings}) and the client's ({@code --private-key}, {@code --client-id}).
     * @return the scenario's exit code, 2 for unusable options
     */
    static int runScenario(String name, String[] args, Map<String, String> scenarioDefaults, ScenarioFactory factory)
            throws Exception {
        Map<String, String> defaults = new HashMap<>(scenarioDefaults);
        defaults.put("client-id", "bench-client");
        defaults.put("private-key", "");
        Scenario scenario;
        try {
            CommandLine line = CommandLine.parse(args, LoadSettings.defaultsWith(defaults));
            scenario = factory.create(line, from(line));
        } catch (IllegalArgumentException | IOException e) {
            System.err.println(name + ": " + e.getMessage());
            return 2;
        }
        return scenario.execute();
    }

    private static PaymentClient from(CommandLine line) throws IOException {
        if (line.text("private-key").isEmpty()) {
            throw new IllegalArgumentException("--private-key FILE is required: the client's PEM PKCS#8 private key");
        }
        return new PaymentClient(line.text("client-id"), ClientKeyFile.read(Path.of(line.text("private-key"))));
    }

    /** e.g. {@code Ed25519 (client bench-client)} */
    String describe() {
        return algorithm + " (client " + clientId + ")";
    }

    /** Signs, then sends: a fresh nonce and timestamp for every request, retries included. */
    Answer post(HttpTransport transport, String path, byte[] body, String idempotencyKey) {
        try {
            Map<String, String> signature = signer.sign("POST", path, body).asMap();
            return Answer.of(transport.post(path, body, idempotencyKey, signature));
        } catch (IOException | RuntimeException e) {
            return Answer.failed(e);
        }
    }

    /**
     * A new customer and a card the simulated provider approves for each slot of the arrays, one
     * after the other over one connection. @return null, or why a registration failed
     */
    String registerCards(LoadSettings load, String runId, String[] customerIds, String[] cardTokens) {
        try (HttpTransport transport = load.newTransport()) {
            for (int c = 0; c < customerIds.length; c++) {
                customerIds[c] = UUID.randomUUID().toString();
                Answer registered = registerCard(transport, customerIds[c], runId + "-card-" + c);
                cardTokens[c] = registered.field("token");
                if (!registered.status().equals("201") || cardTokens[c] == null) {
                    return "card registration: " + registered.status();
                }
            }
        }
        return null;
    }

    private Answer registerCard(HttpTransport transport, String customerId, String idempotencyKey) {
        byte[] body = ("{\"customerId\":\"" + customerId + "\",\"number\":\"" + CARD_NUMBER + "\","
                + "\"expiryMonth\":12,\"expiryYear\":2099,\"holderName\":\"Ada Lovelace\"}")
                .getBytes(StandardCharsets.UTF_8);
        return post(transport, "/api/payment-methods/cards", body, idempotencyKey);
    }
}
