package io.pantrade.app.retail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups rows into invoices, streaming; an invoice has at least one row. The file lists an invoice's rows together, nearly always:
 * one invoice of the UCI file is interrupted by another for two rows. So an invoice stays open
 * until {@code window} invoices that started after it are open too, and a row of an open invoice
 * joins it. A row of an invoice already closed, or naming another customer than the invoice's
 * first row, is a bad row: one invoice number always stands for one order.
 */
final class Invoices {

    static final int WINDOW = 8;

    private final RetailRows rows;
    private final RowCounts counts;
    private final int window;
    private final Map<String, List<RetailRow>> open = new LinkedHashMap<>();
    private final Set<String> closed = new HashSet<>();

    Invoices(RetailRows rows, RowCounts counts) {
        this(rows, counts, WINDOW);
    }

    Invoices(RetailRows rows, RowCounts counts, int window) {
        this.rows = rows;
        this.counts = counts;
        this.window = window;
    }

    /** @return the next invoice, in the order invoices start, or {@code null} at the end of the file */
    Invoice next() {
        for (RetailRow row = rows.next(); row != null; row = rows.next()) {
            take(row);
            if (open.size() > window) {
                return closeEldest();
            }
        }
        return open.isEmpty() ? null : closeEldest();
    }

    private void take(RetailRow row) {
        List<RetailRow> invoice = open.get(row.invoiceNo());
        if (invoice == null) {
            if (closed.contains(row.invoiceNo())) {
                counts.bad(row.line(), "invoice " + row.invoiceNo() + " is closed (" + window
                        + " later invoices had started); the rows of an invoice must be near each other");
                return;
            }
            invoice = new ArrayList<>();
            open.put(row.invoiceNo(), invoice);
        }
        if (!invoice.isEmpty() && !invoice.get(0).customerNo().equals(row.customerNo())) {
            counts.bad(row.line(), "invoice " + row.invoiceNo() + " belongs to customer "
                    + invoice.get(0).customerNo() + ", not " + row.customerNo());
            return;
        }
        invoice.add(row);
    }

    private Invoice closeEldest() {
        Iterator<Map.Entry<String, List<RetailRow>>> eldest = open.entrySet().iterator();
        Map.Entry<String, List<RetailRow>> entry = eldest.next();
        eldest.remove();
        closed.add(entry.getKey());
        return new Invoice(entry.getKey(), entry.getValue());
    }
}
