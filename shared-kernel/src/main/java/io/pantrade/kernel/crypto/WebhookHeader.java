package io.pantrade.kernel.crypto;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The webhook signature header, {@code t=<epochSeconds>,v1=<hex HMAC-SHA256>}. More than one
 * {@code v1} may be sent (a provider signing with an old and a new secret while they rotate).
 */
public final class WebhookHeader {

    public static final String NAME = "Pantrade-Webhook-Signature";

    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern MAC = Pattern.compile("[0-9a-fA-F]{64}");
    private static final int MAX_LENGTH = 1024;

    private WebhookHeader() {
    }

    static String format(long epochSeconds, byte[] mac) {
        return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(mac);
    }

    /** Empty unless the value is exactly one {@code t} and one or more {@code v1}, nothing else. */
    static Optional<Parsed> parse(String value) {
        if (value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Long timestamp = null;
        List<byte[]> macs = new ArrayList<>();
        for (String element : value.split(",", -1)) {
            String item = element.strip();
            if (item.startsWith("t=") && timestamp == null && TIMESTAMP.matcher(item.substring(2)).matches()) {
                timestamp = Long.parseLong(item.substring(2));
            } else if (item.startsWith("v1=") && MAC.matcher(item.substring(3)).matches()) {
                macs.add(HexFormat.of().parseHex(item.substring(3)));
            } else {
                return Optional.empty();
            }
        }
        return timestamp == null || macs.isEmpty() ? Optional.empty() : Optional.of(new Parsed(timestamp, macs));
    }

    record Parsed(long timestamp, List<byte[]> macs) {
    }
}
