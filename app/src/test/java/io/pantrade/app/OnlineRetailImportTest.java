package io.pantrade.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.pantrade.app.retail.OnlineRetailImport;
import io.pantrade.kernel.Money;
import io.pantrade.kernel.Uuids;
import io.pantrade.kernel.behaviour.ProductCatalogued;
import io.pantrade.kernel.behaviour.ReturnId;
import io.pantrade.kernel.behaviour.ReturnRecorded;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderLine;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The import mode on a small gzipped file (the hand-made sample of the unit tests, plus an invoice
 * of 501 lines an order refuses), against a data directory of its own; then the engine is started
 * on that directory and asked, as a client would, what the customers ordered.
 */
class OnlineRetailImportTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path files;

    @Test
    void replays_invoices_as_orders_and_returns_at_their_own_dates_and_a_second_import_changes_nothing()
            throws IOException, InterruptedException {
        Path file = sampleWithAnInvoiceOf501Lines();

        Run first = importFile(file);
        assertThat(first.exitCode()).isZero();
        assertThat(first.figure("rows read")).isEqualTo("518");
        assertThat(first.figure("invoices")).startsWith("3 orders, 1 returns");
        assertThat(first.figure("invoices refused")).isEqualTo("1 {order.too-many-lines=1}");
        assertThat(first.figure("customers")).isEqualTo("3");
        assertThat(first.figure("products")).startsWith("4 (4 catalogued now");
        assertThat(first.figure("rows without a customer")).startsWith("1 ");
        assertThat(first.figure("bad rows")).isEqualTo("10");
        assertThat(first.err()).contains("line 8: Quantity 'abc' is not a whole number")
                .contains("invoice 100009 (from line 20) refused: an order has at most 500 lines: got 501");

        long eventsAfterFirstImport;
        try (Engine engine = Engine.start(dataDir)) {
            Http http = engine.http();
            JsonNode order = onlyOrderOf(http, "90001");
            assertThat(order.path("placedAt").asText()).isEqualTo("2010-12-01T08:26:00Z");
            assertThat(order.path("total").path("amountMinor").asLong()).isEqualTo(6 * 255 + 2 * 339 + 100);
            assertThat(order.path("orderId").asText()).isEqualTo(Uuids.derived("imported-invoice", "100001"));
            // summer time in London: an hour ahead of UTC
            assertThat(onlyOrderOf(http, "90002").path("placedAt").asText()).isEqualTo("2011-06-15T13:30:00Z");

            EventStore events = engine.bean(EventStore.class);
            assertThat(events.readEvents(Uuids.derived("imported-invoice", "C100005")).asStream()
                    .<Object>map(event -> event.getPayload()).toList()).containsExactly(new ReturnRecorded(
                    new ReturnId(Uuids.derived("imported-invoice", "C100005")),
                    customerId("90001"), List.of(new OrderLine("PAN01", 2, new Money(255, "GBP"))),
                    new Money(510, "GBP"), Instant.parse("2010-12-02T10:00:00Z")));
            assertThat(allPayloads(events)).filteredOn(ProductCatalogued.class::isInstance).containsExactlyInAnyOrder(
                    new ProductCatalogued("PAN01", "RED ENAMEL MUG", "kitchen and dining"),
                    new ProductCatalogued("PAN02", "LANTERN, WHITE METAL", "lighting"),
                    new ProductCatalogued("PAN03", "REAPPEARING", "other"),
                    new ProductCatalogued("PAN04", "JUMBO BAG \"VINTAGE\"\nPAISLEY", "bags"));
            eventsAfterFirstImport = allPayloads(events).size();
        }

        Run second = importFile(file);
        assertThat(second.exitCode()).isZero();
        assertThat(second.figure("products")).startsWith("4 (0 catalogued now");

        try (Engine engine = Engine.start(dataDir)) {
            assertThat(allPayloads(engine.bean(EventStore.class))).hasSize((int) eventsAfterFirstImport);
            assertThat(onlyOrderOf(engine.http(), "90001").path("placedAt").asText()).isEqualTo("2010-12-01T08:26:00Z");
        }
    }

    @Test
    void a_missing_file_or_option_is_a_usage_error() {
        assertThat(OnlineRetailImport.run(PantradeApplication.class, new String[]{"--data-dir", dataDir.toString()},
                quiet(), quiet())).isEqualTo(2);
        assertThat(OnlineRetailImport.run(PantradeApplication.class,
                new String[]{"--file", files.resolve("absent.csv.gz").toString()}, quiet(), quiet())).isEqualTo(2);
    }

    private Path sampleWithAnInvoiceOf501Lines() throws IOException {
        Path file = files.resolve("online_retail.csv.gz");
        try (InputStream sample = Objects.requireNonNull(getClass().getResourceAsStream("/retail/online-retail-sample.csv"));
             OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
            sample.transferTo(gz);
            StringBuilder big = new StringBuilder();
            for (int i = 0; i < 501; i++) {
                big.append("100009,PAN01,RED ENAMEL MUG,1,2011-07-01 10:00:00,2.55,90003,Germany\n");
            }
            gz.write(big.toString().getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private Run importFile(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = OnlineRetailImport.run(PantradeApplication.class,
                new String[]{"--file", file.toString(), "--data-dir", dataDir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode onlyOrderOf(Http http, String customerNo) {
        String path = "/api/customers/" + customerId(customerNo).value() + "/orders";
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get(path).status() == 200);
        JsonNode page = http.get(path).json();
        assertThat(page.path("totalElements").asInt()).isEqualTo(1);
        return page.path("content").get(0);
    }

    private static CustomerId customerId(String customerNo) {
        return new CustomerId(Uuids.derived("imported-customer", customerNo));
    }

    private static List<Object> allPayloads(EventStore store) throws InterruptedException {
        List<Object> payloads = new ArrayList<>();
        TrackingToken head = store.createHeadToken();
        try (BlockingStream<TrackedEventMessage<?>> events = store.openStream(null)) {
            TrackedEventMessage<?> event;
            do {
                event = events.nextAvailable();
                payloads.add(event.getPayload());
            } while (!event.trackingToken().covers(head));
        }
        return payloads;
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    record Run(int exitCode, String out, String err) {

        /** A figure of the summary, e.g. "rows read:  1,234" gives "1,234". */
        String figure(String name) {
            Matcher line = Pattern.compile("^  " + Pattern.quote(name) + ": +(.*)$", Pattern.MULTILINE).matcher(out);
            assertThat(line.find()).as("summary line '%s' in%n%s", name, out).isTrue();
            return line.group(1).trim();
        }
    }
}
