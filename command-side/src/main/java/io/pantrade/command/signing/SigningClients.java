package io.pantrade.command.signing;

import io.pantrade.kernel.crypto.RequestVerifier;
import io.pantrade.kernel.crypto.UnsupportedKeyException;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The clients allowed to sign requests, each with its registered public key. */
final class SigningClients {

    /** Lowercase so that a client can be registered through an environment variable too. */
    static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Map<String, RequestVerifier> keys;

    private SigningClients(Map<String, RequestVerifier> keys) {
        this.keys = keys;
    }

    /**
     * @param base64SpkiByClient {@code pantrade.signing.clients}
     * @throws IllegalStateException naming the first client whose id or key is not acceptable
     */
    static SigningClients fromConfiguration(Map<String, String> base64SpkiByClient) {
        Map<String, RequestVerifier> keys = new TreeMap<>();
        base64SpkiByClient.forEach((client, key) -> keys.put(client, verifier(client, key)));
        return new SigningClients(keys);
    }

    /** @return {@code null} for a client that is not registered */
    RequestVerifier find(String client) {
        return keys.get(client);
    }

    /** e.g. {@code pos-7 (ECDSA P-256), shop-web (Ed25519)}; nothing secret. */
    String describe() {
        return keys.isEmpty() ? "none" : keys.entrySet().stream()
                .map(client -> client.getKey() + " (" + client.getValue().algorithm() + ")")
                .collect(Collectors.joining(", "));
    }

    private static RequestVerifier verifier(String client, String base64Spki) {
        String property = "pantrade.signing.clients." + client;
        if (!CLIENT_ID.matcher(client).matches()) {
            throw new IllegalStateException(property + ": a client id is 1 to 64 lowercase letters, digits or '-', "
                    + "starting with a letter or digit");
        }
        try {
            return RequestVerifier.fromBase64Spki(base64Spki);
        } catch (UnsupportedKeyException unsupported) {
            throw new IllegalStateException(property + ": " + unsupported.getMessage());
        }
    }
}
