package io.pantrade.app.retail;

import java.time.Instant;

/**
 * One line of the file that can become a line of an order or of a return: its quantity is what was
 * bought or sent back (positive either way), its price in pence.
 */
record RetailRow(long line, String invoiceNo, String stockCode, String description, int quantity,
                 Instant invoiceDate, long unitPricePence, String customerNo, String country) {

    /** The file marks a cancellation invoice with a leading C; its quantities are negative. */
    static boolean isCancellation(String invoiceNo) {
        return invoiceNo.startsWith("C");
    }
}
