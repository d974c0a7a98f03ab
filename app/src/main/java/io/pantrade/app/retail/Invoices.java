package io.pantrade.app.retail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Groups consecutive rows into invoices, streaming: the file lists an invoice's rows together. Rows
 * of an invoice that appear again after other invoices, or that name another customer, are bad
 * rows, so that one invoice number always stands for one order, whatever the order of sending.
 */
final class Invoices {

    private final RetailRows rows;
    private final RowCounts counts;
    private final Set<String> ended = new HashSet<>();
    private List<RetailRow> current = new ArrayList<>();
    private RetailRow ahead;

    Invoices(RetailRows rows, RowCounts counts) {
        this.rows = rows;
        this.counts = counts;
        this.ahead = rows.next();
    }

    /** @return the next invoice with at least one usable row, or {@code null} at the end of the file */
    Invoice next() {
        while (ahead != null) {
            RetailRow row = ahead;
            ahead = rows.next();
            take(row);
            boolean invoiceEnds = ahead == null || !ahead.invoiceNo().equals(row.invoiceNo());
            if (invoiceEnds) {
                ended.add(row.invoiceNo());
                if (!current.isEmpty()) {
                    Invoice invoice = new Invoice(row.invoiceNo(), current);
                    current = new ArrayList<>();
                    return invoice;
                }
            }
        }
        return null;
    }

    private void take(RetailRow row) {
        if (ended.contains(row.invoiceNo())) {
            counts.bad(row.line(), "invoice " + row.invoiceNo() + " appeared before other invoices already;"
                    + " the rows of an invoice must be consecutive");
        } else if (!current.isEmpty() && !current.get(0).customerNo().equals(row.customerNo())) {
            counts.bad(row.line(), "invoice " + row.invoiceNo() + " belongs to customer "
                    + current.get(0).customerNo() + ", not " + row.customerNo());
        } else {
            current.add(row);
        }
    }
}
