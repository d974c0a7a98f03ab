package io.pantrade.kernel.crypto;

import java.util.LinkedHashMap;
import java.util.Map;

/** The four headers that carry a signed request's signature, as a client sends them. */
public record SignatureHeaders(String client, long timestamp, String nonce, String signature) {

    public static final String CLIENT = "Pantrade-Client";
    public static final String TIMESTAMP = "Pantrade-Timestamp";
    public static final String NONCE = "Pantrade-Nonce";
    public static final String SIGNATURE = "Pantrade-Signature";

    /** Header name to value, in the order above. */
    public Map<String, String> asMap() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CLIENT, client);
        headers.put(TIMESTAMP, Long.toString(timestamp));
        headers.put(NONCE, nonce);
        headers.put(SIGNATURE, signature);
        return headers;
    }

    @Override
    public String toString() {
        return "SignatureHeaders[client=" + client + ", timestamp=" + timestamp + "]";
    }
}
