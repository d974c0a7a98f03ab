package io.pantrade.app.retail;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * What an import did so far, counted from the reader and the senders at once. The first problems
 * are printed as they are found, the rest only counted.
 */
final class Tally implements RowCounts {

    private final Consumer<String> report;
    private final int problemsShown;
    private final AtomicLong problemsPrinted = new AtomicLong();
    final LongAdder rowsRead = new LongAdder();
    final LongAdder withoutCustomer = new LongAdder();
    final LongAdder badRows = new LongAdder();
    final LongAdder orders = new LongAdder();
    final LongAdder returns = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder faults = new LongAdder();
    private final Set<String> customers = ConcurrentHashMap.newKeySet();
    private final Map<String, LongAdder> refusedByCode = new ConcurrentHashMap<>();

    Tally(Consumer<String> report, int problemsShown) {
        this.report = report;
        this.problemsShown = problemsShown;
    }

    @Override
    public void read(long line) {
        rowsRead.increment();
    }

    @Override
    public void withoutCustomer(long line) {
        withoutCustomer.increment();
    }

    @Override
    public void bad(long line, String reason) {
        badRows.increment();
        show("line " + line + ": " + reason);
    }


    void imported(Invoice invoice) {
        (invoice.isCancellation() ? returns : orders).increment();
        customers.add(invoice.customerNo());
    }

    void refused(Invoice invoice, String code, String detail) {
        refused.increment();
        refusedByCode.computeIfAbsent(code, any -> new LongAdder()).increment();
        show("invoice " + invoice.number() + " (from line " + invoice.firstLine() + ") refused: " + detail);
    }

    void fault(Invoice invoice, Throwable failure) {
        faults.increment();
        // a fault stops the import: always shown, whatever was shown before
        report.accept("invoice " + invoice.number() + " (from line " + invoice.firstLine() + ") failed: " + failure);
    }

    long invoices() {
        return orders.sum() + returns.sum() + refused.sum();
    }

    int customers() {
        return customers.size();
    }

    Map<String, Long> refusedByCode() {
        Map<String, Long> counts = new TreeMap<>();
        refusedByCode.forEach((code, count) -> counts.put(code, count.sum()));
        return counts;
    }

    long problemsNotShown() {
        return Math.max(0, badRows.sum() + refused.sum() - problemsShown);
    }

    private void show(String problem) {
        if (problemsPrinted.incrementAndGet() <= problemsShown) {
            report.accept(problem);
        }
    }
}
