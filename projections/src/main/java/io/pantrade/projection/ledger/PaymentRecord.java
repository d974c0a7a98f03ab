package io.pantrade.projection.ledger;

import io.pantrade.kernel.ledger.Posting;
import io.pantrade.kernel.payment.PaymentCaptured;
import io.pantrade.kernel.payment.PaymentRefunded;
import io.pantrade.projection.Delivery;
import io.pantrade.projection.RecentEvents;

import java.util.ArrayList;
import java.util.List;

/**
 * A payment as the ledger saw it: its parties, the totals its events announced (in the payment's
 * currency) and the postings they made. Reconciliation checks the one against the other.
 */
record PaymentRecord(PaymentParties parties, String currency, long captured, long fees, long refunded,
                     long feesReturned, List<Posting> postings, RecentEvents recent) {

    PaymentRecord {
        postings = List.copyOf(postings);
    }

    static PaymentRecord requested(PaymentParties parties, String currency) {
        return new PaymentRecord(parties, currency, 0, 0, 0, 0, List.of(), RecentEvents.NONE);
    }

    PaymentRecord captured(PaymentCaptured event, List<Posting> made, Delivery delivery) {
        return new PaymentRecord(parties, currency, Math.addExact(captured, event.amount().amountMinor()),
                Math.addExact(fees, event.fee().amountMinor()), refunded, feesReturned, with(made), recent.plus(delivery));
    }

    PaymentRecord refunded(PaymentRefunded event, List<Posting> made, Delivery delivery) {
        return new PaymentRecord(parties, currency, captured, fees, Math.addExact(refunded, event.amount().amountMinor()),
                Math.addExact(feesReturned, event.feeReturned().amountMinor()), with(made), recent.plus(delivery));
    }

    PaymentRecord settledUpTo(long position) {
        return new PaymentRecord(parties, currency, captured, fees, refunded, feesReturned, postings,
                recent.settledUpTo(position));
    }

    private List<Posting> with(List<Posting> made) {
        List<Posting> all = new ArrayList<>(postings);
        all.addAll(made);
        return all;
    }
}
