package io.pantrade.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The UCI Online Retail CSV (InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice,
 * CustomerID, Country) as invoices per customer. An invoice number starting with 'C' is a
 * cancellation; rows without a customer are skipped, as are sales of no positive quantity; rows that
 * do not parse are counted.
 */
final class OnlineRetail {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    record Line(String sku, int quantity, long unitPriceMinor) {
    }

    record Invoice(String number, String customer, Instant at, boolean cancellation, List<Line> lines) {
    }

    /** Purchases and cancellations of each customer, each list oldest first. */
    record Customer(String id, List<Invoice> purchases, List<Invoice> cancellations) {
    }

    final Map<String, Customer> customers;
    final long rows;
    final long badRows;
    final long skippedRows;

    private OnlineRetail(Map<String, Customer> customers, long rows, long badRows, long skippedRows) {
        this.customers = customers;
        this.rows = rows;
        this.badRows = badRows;
        this.skippedRows = skippedRows;
    }

    static OnlineRetail read(Path file) throws IOException {
        Map<String, Invoice> invoices = new LinkedHashMap<>();
        long rows = 0;
        long bad = 0;
        long skipped = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file), 1 << 16)
                        : Files.newInputStream(file), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String row = in.readLine(); row != null; row = in.readLine()) {
                rows++;
                List<String> cells = cells(row);
                if (cells.size() != 8) {
                    bad++;
                    continue;
                }
                String number = cells.get(0).trim();
                String customer = cells.get(6).trim();
                boolean cancellation = number.startsWith("C");
                try {
                    int quantity = Integer.parseInt(cells.get(3).trim());
                    if (customer.isEmpty() || (!cancellation && quantity <= 0)) {
                        skipped++;
                        continue;
                    }
                    Instant at = LocalDateTime.parse(cells.get(4).trim(), DATE).toInstant(ZoneOffset.UTC);
                    long price = Math.round(Double.parseDouble(cells.get(5).trim()) * 100);
                    String id = customer.endsWith(".0") ? customer.substring(0, customer.length() - 2) : customer;
                    invoices.computeIfAbsent(number, n -> new Invoice(n, id, at, cancellation, new ArrayList<>()))
                            .lines().add(new Line(cells.get(1).trim(), Math.abs(quantity), price));
                } catch (RuntimeException unparseable) {
                    bad++;
                }
            }
        }
        Map<String, Customer> customers = new HashMap<>();
        for (Invoice invoice : invoices.values()) {
            Customer customer = customers.computeIfAbsent(invoice.customer(),
                    id -> new Customer(id, new ArrayList<>(), new ArrayList<>()));
            (invoice.cancellation() ? customer.cancellations() : customer.purchases()).add(invoice);
        }
        Comparator<Invoice> oldestFirst = Comparator.comparing(Invoice::at).thenComparing(Invoice::number);
        customers.values().forEach(customer -> {
            customer.purchases().sort(oldestFirst);
            customer.cancellations().sort(oldestFirst);
        });
        return new OnlineRetail(customers, rows, bad, skipped);
    }

    /** One CSV row's cells; quotes may hold commas and doubled quotes. */
    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>(8);
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
