package io.pantrade.app.retail;

import java.time.Instant;
import java.util.List;

/**
 * The rows of one invoice. Its customer, country and date are its first row's: the rows of an
 * invoice written across a minute boundary differ by that minute.
 */
record Invoice(String number, List<RetailRow> rows) {

    Invoice {
        rows = List.copyOf(rows);
    }

    boolean isCancellation() {
        return RetailRow.isCancellation(number);
    }

    long firstLine() {
        return rows.get(0).line();
    }

    String customerNo() {
        return rows.get(0).customerNo();
    }

    String country() {
        return rows.get(0).country();
    }

    Instant date() {
        return rows.get(0).invoiceDate();
    }
}
