package io.pantrade.command.payment.card;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Tokens are 128 random bits, never derived from the number: a token says nothing about its card,
 * and the same card registered twice gets two unrelated tokens.
 */
final class CardTokens {

    private static final String PREFIX = "card_";
    private static final int RANDOM_BYTES = 16;
    private static final Pattern WELL_FORMED = Pattern.compile(PREFIX + "[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CardTokens() {
    }

    static String newToken() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static boolean isWellFormed(String token) {
        return token != null && WELL_FORMED.matcher(token).matches();
    }
}
