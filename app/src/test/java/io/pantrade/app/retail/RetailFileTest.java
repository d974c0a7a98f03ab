package io.pantrade.app.retail;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Reads a hand-made file in the Online Retail format (test resource online-retail-sample.csv; the
 * header is line 1, and the quoted description on line 6 runs on to line 7).
 */
class RetailFileTest {

    private final List<String> problems = new ArrayList<>();
    private final Tally tally = new Tally(problems::add, 100);

    @Test
    void groups_the_usable_rows_of_each_invoice_in_the_files_order() throws IOException {
        List<Invoice> invoices = readSample();

        assertThat(invoices).extracting(Invoice::number, Invoice::customerNo, Invoice::firstLine)
                .containsExactly(tuple("100001", "90001", 2L), tuple("100003", "90002", 6L),
                        tuple("C100005", "90001", 14L), tuple("100008", "90003", 18L));
        assertThat(invoices.get(0).rows()).extracting(RetailRow::stockCode, RetailRow::quantity, RetailRow::unitPricePence)
                .containsExactly(tuple("PAN01", 6, 255L), tuple("PAN02", 2, 339L), tuple("PAN03", 1, 100L));
        assertThat(invoices.get(1).rows()).singleElement().extracting(RetailRow::description)
                .isEqualTo("JUMBO BAG \"VINTAGE\"\nPAISLEY");
    }

    /** Line 16 belongs to invoice 100001, interrupted by others; the UCI file has one such invoice. */
    @Test
    void a_row_of_an_invoice_interrupted_by_a_few_others_joins_it() throws IOException {
        assertThat(readSample().get(0).rows()).extracting(RetailRow::line).containsExactly(2L, 3L, 16L);
    }

    @Test
    void a_row_of_an_invoice_interrupted_by_more_others_than_the_window_is_bad() throws IOException {
        List<Invoice> invoices = read("""
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                1,A,MUG,1,2011-01-01 10:00:00,1.00,7,Spain
                2,A,MUG,1,2011-01-01 10:00:00,1.00,8,Spain
                1,B,CUP,1,2011-01-01 10:00:00,1.00,7,Spain
                3,A,MUG,1,2011-01-01 10:00:00,1.00,9,Spain
                1,C,JUG,1,2011-01-01 10:00:00,1.00,7,Spain
                """, 2);

        assertThat(invoices).extracting(Invoice::number, invoice -> invoice.rows().size())
                .containsExactly(tuple("1", 2), tuple("2", 1), tuple("3", 1));
        assertThat(problems).containsExactly(
                "line 6: invoice 1 is closed (2 later invoices had started); the rows of an invoice must be near each other");
    }

    @Test
    void reports_every_bad_row_by_its_line_in_the_file() throws IOException {
        readSample();

        assertThat(problems).containsExactly(
                "line 4: Quantity 0 is outside 1 to 10000",
                "line 8: Quantity 'abc' is not a whole number",
                "line 9: StockCode is empty",
                "line 10: InvoiceDate '15/06/2011 14:30' is not yyyy-MM-dd HH:mm:ss",
                "line 11: UnitPrice -1.00 is negative",
                "line 12: Quantity 10001 is outside 1 to 10000",
                "line 13: has 5 fields, not 8",
                "line 15: Quantity 3 is outside -10000 to -1 for a cancellation",
                "line 17: Quantity 0 is outside 1 to 10000",
                "line 19: invoice 100008 belongs to customer 90003, not 90004");
        assertThat(tally.badRows.sum()).isEqualTo(10);
    }

    @Test
    void counts_every_row_and_skips_those_without_a_customer() throws IOException {
        readSample();

        assertThat(tally.rowsRead.sum()).isEqualTo(17);
        assertThat(tally.withoutCustomer.sum()).isEqualTo(1);
    }

    @Test
    void a_cancellation_becomes_a_return_of_positive_quantities() throws IOException {
        Invoice cancellation = readSample().get(2);

        assertThat(cancellation.isCancellation()).isTrue();
        assertThat(cancellation.rows()).extracting(RetailRow::stockCode, RetailRow::quantity)
                .containsExactly(tuple("PAN01", 2));
    }

    @Test
    void dates_are_london_wall_clock_times_and_an_invoice_has_its_first_rows_date() throws IOException {
        List<Invoice> invoices = readSample();

        // winter: GMT; the second row of 100001 says 08:27, the invoice keeps its first row's 08:26
        assertThat(invoices.get(0).date()).isEqualTo(Instant.parse("2010-12-01T08:26:00Z"));
        // summer: BST, an hour ahead of UTC
        assertThat(invoices.get(1).date()).isEqualTo(Instant.parse("2011-06-15T13:30:00Z"));
        assertThat(invoices.get(1).country()).isEqualTo("France");
    }

    @Test
    void unit_prices_are_rounded_half_up_to_whole_pence() {
        assertThat(RetailRows.pence("2.55")).isEqualTo(255);
        assertThat(RetailRows.pence("3.385")).isEqualTo(339);
        assertThat(RetailRows.pence("3.3849")).isEqualTo(338);
        assertThat(RetailRows.pence("0.001")).isZero();
        assertThat(RetailRows.pence("0.005")).isEqualTo(1);
        assertThat(RetailRows.pence("1")).isEqualTo(100);
        assertThat(RetailRows.pence(" 12.5 ")).isEqualTo(1250);
    }

    @Test
    void an_invoice_ends_at_the_end_of_the_file() throws IOException {
        List<Invoice> invoices = read("""
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                1,A,MUG,1,2011-01-01 10:00:00,1.00,7,Spain
                1,B,CUP,2,2011-01-01 10:00:00,1.00,7,Spain""");

        assertThat(invoices).singleElement().extracting(invoice -> invoice.rows().size()).isEqualTo(2);
        assertThat(problems).isEmpty();
    }

    @Test
    void a_customer_number_must_be_a_number() throws IOException {
        assertThat(read("""
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                1,A,MUG,1,2011-01-01 10:00:00,1.00,17850.0,Spain
                """)).isEmpty();
        assertThat(problems).containsExactly("line 2: CustomerID '17850.0' is not a number");
    }

    @Test
    void a_quote_left_open_stops_the_reading_at_the_line_where_the_trouble_began() {
        assertThatThrownBy(() -> read("""
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                1,A,MUG,1,2011-01-01 10:00:00,1.00,7,Spain
                1,B,"CUP,2,2011-01-01 10:00:00,1.00,7,Spain
                """)).isInstanceOf(UncheckedIOException.class).hasMessage("the file cannot be read after line 2");
    }

    @Test
    void refuses_a_file_with_other_columns() {
        assertThatThrownBy(() -> read("InvoiceNo,StockCode,Quantity\n1,A,1\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("not the Online Retail file");
    }

    private List<Invoice> readSample() throws IOException {
        try (Reader sample = new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/retail/online-retail-sample.csv")), StandardCharsets.UTF_8)) {
            return invoicesOf(sample, Invoices.WINDOW);
        }
    }

    private List<Invoice> read(String csv) throws IOException {
        return read(csv, Invoices.WINDOW);
    }

    private List<Invoice> read(String csv, int window) throws IOException {
        return invoicesOf(new StringReader(csv), window);
    }

    private List<Invoice> invoicesOf(Reader reader, int window) throws IOException {
        try (RetailRows rows = new RetailRows(reader, tally)) {
            Invoices invoices = new Invoices(rows, tally, window);
            List<Invoice> all = new ArrayList<>();
            for (Invoice invoice = invoices.next(); invoice != null; invoice = invoices.next()) {
                all.add(invoice);
            }
            return all;
        }
    }
}
