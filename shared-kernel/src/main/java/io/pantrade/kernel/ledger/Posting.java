package io.pantrade.kernel.ledger;

import io.pantrade.kernel.payment.PaymentId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A balanced movement of money between ledger accounts, caused by one payment event. A posting
 * that does not sum to zero in every currency cannot be made: money is never created or lost.
 */
public record Posting(String postingId, PaymentId paymentId, String description, Instant at,
                      List<PostingLine> lines) {

    public Posting {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("posting " + postingId + " has no lines");
        }
        Map<String, Long> sums = new TreeMap<>();
        lines.forEach(line -> sums.merge(line.amount().currency(), line.amount().amountMinor(), Math::addExact));
        sums.forEach((currency, sum) -> {
            if (sum != 0) {
                throw new IllegalArgumentException("posting " + postingId + " does not balance in " + currency
                        + ": its lines sum to " + sum);
            }
        });
    }
}
