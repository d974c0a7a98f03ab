package io.pantrade.app.retail;

import io.pantrade.command.order.OrderLimits;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the UCI Online Retail CSV ({@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,
 * UnitPrice,CustomerID,Country}) row by row. A row without a customer is passed over; a row that
 * cannot be read, or whose line an order or return would refuse, is reported with its line number
 * (the header is line 1) and passed over, so the rest of its invoice can still be imported.
 */
final class RetailRows implements Closeable {

    static final List<String> HEADER = List.of("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate",
            "UnitPrice", "CustomerID", "Country");
    /** The retailer is in the UK and its dates are wall-clock times there, with summer time. */
    static final ZoneId SHOP_ZONE = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final RowCounts counts;
    private long linesBefore = 1;

    RetailRows(Reader reader, RowCounts counts) throws IOException {
        this.parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
        if (!parser.getHeaderNames().equals(HEADER)) {
            throw new IOException("not the Online Retail file: its header is " + parser.getHeaderNames()
                    + ", expected " + HEADER);
        }
        this.records = parser.iterator();
        this.counts = counts;
    }

    /** @return the next row that can become a line, or {@code null} at the end of the file */
    RetailRow next() {
        while (hasNextRecord()) {
            CSVRecord record = records.next();
            long line = linesBefore + 1;
            // the parser has consumed exactly this record: a quoted field may have spanned lines
            linesBefore = parser.getCurrentLineNumber();
            counts.read(line);
            RetailRow row = read(record, line);
            if (row != null) {
                return row;
            }
        }
        return null;
    }

    private boolean hasNextRecord() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException unreadable) {
            throw new UncheckedIOException("the file cannot be read after line " + linesBefore, unreadable.getCause());
        }
    }

    private RetailRow read(CSVRecord record, long line) {
        if (record.size() != HEADER.size()) {
            counts.bad(line, "has " + record.size() + " fields, not " + HEADER.size());
            return null;
        }
        String customerNo = record.get(6).trim();
        if (customerNo.isEmpty()) {
            counts.withoutCustomer(line);
            return null;
        }
        try {
            return row(record, line, customerNo);
        } catch (BadRow bad) {
            counts.bad(line, bad.getMessage());
            return null;
        }
    }

    private static RetailRow row(CSVRecord record, long line, String customerNo) {
        String invoiceNo = required(record.get(0), "InvoiceNo");
        String stockCode = required(record.get(1), "StockCode");
        if (stockCode.length() > OrderLimits.MAX_SKU_LENGTH) {
            throw new BadRow("StockCode is longer than " + OrderLimits.MAX_SKU_LENGTH + " characters");
        }
        if (!customerNo.chars().allMatch(Character::isDigit)) {
            throw new BadRow("CustomerID '" + customerNo + "' is not a number");
        }
        return new RetailRow(line, invoiceNo, stockCode, record.get(2).trim(),
                quantity(record.get(3), RetailRow.isCancellation(invoiceNo)), date(record.get(4)),
                pence(record.get(5)), customerNo, record.get(7).trim());
    }

    /** A cancellation's quantities are negative in the file; a return states them as positive. */
    private static int quantity(String text, boolean cancellation) {
        int quantity;
        try {
            quantity = Integer.parseInt(text.trim());
        } catch (NumberFormatException notANumber) {
            throw new BadRow("Quantity '" + text + "' is not a whole number");
        }
        int bought = cancellation ? -quantity : quantity;
        if (bought < OrderLimits.MIN_QUANTITY || bought > OrderLimits.MAX_QUANTITY) {
            throw new BadRow("Quantity " + quantity + " is outside " + (cancellation
                    ? -OrderLimits.MAX_QUANTITY + " to -" + OrderLimits.MIN_QUANTITY + " for a cancellation"
                    : OrderLimits.MIN_QUANTITY + " to " + OrderLimits.MAX_QUANTITY));
        }
        return bought;
    }

    private static Instant date(String text) {
        try {
            return LocalDateTime.parse(text.trim(), DATE).atZone(SHOP_ZONE).toInstant();
        } catch (DateTimeParseException notADate) {
            throw new BadRow("InvoiceDate '" + text + "' is not yyyy-MM-dd HH:mm:ss");
        }
    }

    /** Some unit prices have more than two decimals: rounded half-up to whole pence. */
    static long pence(String text) {
        BigDecimal pounds;
        try {
            pounds = new BigDecimal(text.trim());
        } catch (NumberFormatException notANumber) {
            throw new BadRow("UnitPrice '" + text + "' is not a decimal number");
        }
        if (pounds.signum() < 0) {
            throw new BadRow("UnitPrice " + text + " is negative");
        }
        try {
            return pounds.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException tooLarge) {
            throw new BadRow("UnitPrice " + text + " is too large");
        }
    }

    private static String required(String value, String column) {
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            throw new BadRow(column + " is empty");
        }
        return trimmed;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    static final class BadRow extends RuntimeException {

        BadRow(String reason) {
            super(reason, null, false, false);
        }
    }
}
