package io.pantrade.command.order;

import java.util.Map;

/**
 * The fixed bounds of an order (shared by the API's input validation and the aggregate) and the
 * configurable ceiling on its total, per currency because 1,000,000 minor units is ten thousand
 * euros but only a million yen.
 */
public record OrderLimits(long defaultMaxTotalMinor, Map<String, Long> maxTotalMinorByCurrency) {

    public static final int MAX_LINES = 500;
    public static final int MIN_QUANTITY = 1;
    public static final int MAX_QUANTITY = 10_000;
    public static final int MAX_SKU_LENGTH = 64;
    public static final int MAX_REASON_LENGTH = 500;

    public OrderLimits {
        if (defaultMaxTotalMinor <= 0) {
            throw new IllegalArgumentException("the maximum order total must be positive");
        }
        maxTotalMinorByCurrency = Map.copyOf(maxTotalMinorByCurrency);
    }

    public long maxTotalMinor(String currency) {
        return maxTotalMinorByCurrency.getOrDefault(currency, defaultMaxTotalMinor);
    }
}
