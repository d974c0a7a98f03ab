package io.pantrade.app.retail;

/** Where the rows of the file are counted, and those that do not become lines reported by their line number. */
interface RowCounts {

    void read(long line);

    void withoutCustomer(long line);

    void bad(long line, String reason);
}
