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
    private String currentNo;
    private List<RetailRow> current = new ArrayList<>();

    Invoices(RetailRows rows, RowCounts counts) {
        this.rows = rows;
        this.counts = counts;
    }

    /**
     * An invoice ends where the next one's first row is read, so that problems are reported in the
     * file's order.
     *
     * @return the next invoice with at least one usable row, or {@code null} at the end of the file
     */
    Invoice next() {
        for (RetailRow row = rows.next(); row != null; row = rows.next()) {
            Invoice finished = null;
            if (!row.invoiceNo().equals(currentNo)) {
                finished = finish();
                currentNo = row.invoiceNo();
            }
            take(row);
            if (finished != null) {
                return finished;
            }
        }
        return finish();
    }

    private Invoice finish() {
        if (currentNo != null) {
            ended.add(currentNo);
        }
        if (current.isEmpty()) {
            return null;
        }
        Invoice invoice = new Invoice(currentNo, current);
        current = new ArrayList<>();
        return invoice;
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
