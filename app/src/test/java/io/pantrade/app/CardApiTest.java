package io.pantrade.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.pantrade.app.Http.Reply;
import io.pantrade.command.payment.card.CardVault;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.privacy.PersonalDataCipher;
import io.pantrade.kernel.rules.RuleViolatedException;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.pantrade.app.OrderApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The card vault over HTTP, and a search of everything the engine keeps for the card numbers it was sent. */
@ExtendWith(OutputCaptureExtension.class)
class CardApiTest extends RunningEngineTest {

    private static final String CARDS = "/api/payment-methods/cards";

    @Autowired
    DataSource dataSource;

    @Autowired
    MongoClient mongo;

    @Autowired
    DataDirectory dataDirectory;

    @Autowired
    CardVault vault;

    @Autowired
    PersonalDataCipher personalData;

    @Test
    void a_registered_card_is_a_201_with_its_token_and_reads_back_without_its_number() {
        String number = Cards.freshNumber();
        int year = YearMonth.now(Clock.systemUTC()).getYear() + 3;

        Reply registered = http.post(CARDS, Cards.card(Orders.customer(), group(number)));

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String token = registered.field("token");
        assertThat(token).matches("card_[A-Za-z0-9_-]{22}");
        assertThat(registered.location()).isEqualTo(CARDS + "/" + token);
        assertThat(registered.json().path("brand").asText()).isEqualTo("visa");
        assertThat(registered.json().path("last4").asText()).isEqualTo(number.substring(12));
        assertThat(registered.json().path("expiryMonth").asInt()).isEqualTo(12);
        assertThat(registered.json().path("expiryYear").asInt()).isEqualTo(year);
        assertThat(registered.json().size()).isEqualTo(5);

        Reply read = http.get(registered.location());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(registered.json());
        assertThat(read.body()).doesNotContain(number);
    }

    @Test
    void a_retry_with_the_same_key_gets_the_same_token_and_another_key_another_token() {
        String body = Cards.card(Orders.customer(), Cards.freshNumber());
        String key = UUID.randomUUID().toString();

        Reply first = http.post(CARDS, key, body);
        Reply retry = http.post(CARDS, key, body);
        Reply again = http.post(CARDS, body);

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.field("token")).isEqualTo(first.field("token"));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.field("token")).isNotEqualTo(first.field("token"));
    }

    @Test
    void each_invalid_input_is_a_400_naming_its_field_without_quoting_the_number() {
        String customer = Orders.customer();
        String number = Cards.freshNumber();
        String offByOne = number.substring(0, 15) + (char) ('0' + (number.charAt(15) - '0' + 1) % 10);
        YearMonth lastMonth = YearMonth.now(Clock.systemUTC()).minusMonths(1);
        String expiredField = lastMonth.getYear() < YearMonth.now(Clock.systemUTC()).getYear() ? "expiryYear" : "expiryMonth";
        int year = lastMonth.getYear() + 4;
        Map<String, String> fieldOfInvalidBody = Map.ofEntries(
                Map.entry(Cards.card(customer, "\"" + number.substring(0, 15) + "x\"", 12, year), "number"),
                Map.entry(Cards.card(customer, "\"" + number.substring(0, 11) + "\"", 12, year), "number"),
                Map.entry(Cards.card(customer, "\"" + number + "12345\"", 12, year), "number"),
                Map.entry(Cards.card(customer, "\"" + offByOne + "\"", 12, year), "number"),
                Map.entry(Cards.card(customer, "null", 12, year), "number"),
                Map.entry(Cards.card(customer, "\"" + number + "\"", 13, year), "expiryMonth"),
                Map.entry(Cards.card(customer, "\"" + number + "\"", 0, year), "expiryMonth"),
                Map.entry(Cards.card(customer, "\"" + number + "\"", lastMonth.getMonthValue(), lastMonth.getYear()), expiredField),
                Map.entry(Cards.card(customer, "\"" + number + "\"", 12, 30), "expiryYear"),
                Map.entry(Cards.card("not-a-uuid", "\"" + number + "\"", 12, year), "customerId"),
                Map.entry(Cards.card(customer, number).replace("Ada Lovelace", "A".repeat(101)), "holderName"),
                Map.entry(Cards.card(customer, number).replace("\"expiryMonth\":12", "\"expiryMonth\":\"12x\""), "expiryMonth"),
                Map.entry(Cards.card(customer, number).replace("\"expiryMonth\":12", "\"expiryMonth\":" + number + "0000"), "expiryMonth"));

        fieldOfInvalidBody.forEach((body, field) -> {
            Reply reply = http.post(CARDS, body);
            assertProblem(reply, 400, "invalid-request");
            assertThat(reply.json().path("errors").get(0).path("field").asText()).as(body).isEqualTo(field);
            assertThat(reply.body()).as(body).doesNotContain(number.substring(0, 11)).doesNotContain(offByOne);
        });
    }

    @Test
    void a_cvc_is_not_accepted() {
        String number = Cards.freshNumber();
        Reply reply = http.post(CARDS, Cards.card(Orders.customer(), number).replace("{", "{\"cvc\":\"737\","));

        assertProblem(reply, 400, "invalid-request");
        assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo("cvc");
        assertThat(reply.body()).doesNotContain("737").doesNotContain(number);
    }

    @Test
    void an_unknown_or_malformed_token_is_a_404() {
        assertProblem(http.get(CARDS + "/card_AAAAAAAAAAAAAAAAAAAAAA"), 404, "card.unknown-token");
        assertProblem(http.get(CARDS + "/not-a-token"), 404, "card.unknown-token");
    }

    @Test
    void an_erased_customers_cards_are_unreadable_and_they_can_register_no_more() {
        String customer = Orders.customer();
        String token = http.post(CARDS, Cards.card(customer, Cards.freshNumber())).field("token");

        personalData.shred(customer);

        assertProblem(http.get(CARDS + "/" + token), 422, "card.erased");
        assertThatThrownBy(() -> vault.reveal(token)).isInstanceOf(RuleViolatedException.class).hasMessageContaining("erased");
        assertProblem(http.post(CARDS, Cards.card(customer, Cards.freshNumber())), 422, "customer-erased");
    }

    @Test
    void the_vault_describes_a_card_only_for_its_owner() {
        String owner = Orders.customer();
        String number = Cards.freshNumber();
        String token = http.post(CARDS, Cards.card(owner, number)).field("token");

        assertThat(vault.describe(token, new CustomerId(owner)).last4()).isEqualTo(number.substring(12));
        assertThatThrownBy(() -> vault.describe(token, new CustomerId(Orders.customer())))
                .isInstanceOfSatisfying(RuleViolatedException.class,
                        violated -> assertThat(violated.violation().code()).isEqualTo("card.not-owned-by-customer"));
        assertThat(vault.reveal(token).number().digits()).isEqualTo(number);
    }

    @Test
    void a_card_number_is_in_no_table_file_collection_or_log_line_even_after_a_whole_payment(CapturedOutput output)
            throws Exception {
        String number = Cards.freshNumber();
        String customer = Orders.customer();
        String token = http.post(CARDS, Cards.card(customer, group(number))).field("token");
        Payments payments = new Payments(http);
        String paymentId = payments.post("/api/payments", Payments.authorization(customer, token, 5_000))
                .field("paymentId");
        Payments.awaitStatus(http, paymentId, "AUTHORIZED");
        payments.post("/api/payments/" + paymentId + "/capture", Payments.amount(5_000));
        payments.post("/api/payments/" + paymentId + "/refund", Payments.refund(1_000));
        Payments.awaitStatus(http, paymentId, "PARTIALLY_REFUNDED");
        List<Reply> refused = List.of(
                http.post(CARDS, "{\"customerId\":\"" + customer + "\",\"number\":x" + number + "}"),
                http.post(CARDS, "{\"number\":\"" + number + "\",\"expiryMonth\":"),
                http.post(CARDS, "{\"number\":" + number + "_" + number + "}"),
                http.post(CARDS, Cards.card(customer, "\"" + number + "\"", 13, 2040)),
                http.post(CARDS, Cards.card(customer, number).replace("\"expiryYear\"", "\"" + number + "\"")));
        refused.forEach(reply -> assertThat(reply.status()).as(reply.body()).isEqualTo(400));
        refused.forEach(reply -> assertThat(reply.body()).doesNotContain(number));
        assertThat(refused.get(4).json().path("errors").get(0).path("field").asText()).isEqualTo("#");

        String tables = everyH2Value();
        assertThat(tables).contains(token);
        assertThat(tables).doesNotContain(number).doesNotContain(group(number));
        String files = everyDataFile();
        assertThat(files).contains(token);
        assertThat(files).doesNotContain(number).doesNotContain(group(number));
        String readModels = everyMongoValue();
        assertThat(readModels).contains(token).contains(paymentId);
        assertThat(readModels).doesNotContain(number).doesNotContain(group(number));
        assertThat(output.getAll()).contains("registered card " + token);
        assertThat(output.getAll()).doesNotContain(number).doesNotContain(group(number));
    }

    /** As printed on the card, 4-4-4-4. */
    private static String group(String number) {
        return number.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }

    /** Every value of every column of every table, as text (binary columns decoded as UTF-8). */
    private String everyH2Value() throws SQLException {
        StringBuilder text = new StringBuilder();
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (ResultSet found = connection.getMetaData().getTables(null, null, "%", new String[]{"TABLE"})) {
                while (found.next()) {
                    if (!"INFORMATION_SCHEMA".equals(found.getString("TABLE_SCHEM"))) {
                        tables.add("\"" + found.getString("TABLE_SCHEM") + "\".\"" + found.getString("TABLE_NAME") + "\"");
                    }
                }
            }
            assertThat(tables).anyMatch(table -> table.endsWith("\"CARD_VAULT\""))
                    .anyMatch(table -> table.endsWith("\"IDEMPOTENCY_RECORD\""))
                    .anyMatch(table -> table.endsWith("\"DOMAINEVENTENTRY\""));
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            text.append(asText(rows.getObject(column))).append('\n');
                        }
                    }
                }
            }
        }
        return text.toString();
    }

    private static String asText(Object value) throws SQLException {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Blob blob) {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return String.valueOf(value);
    }

    /** The raw bytes of every file in the data directory, free pages of the H2 file included. */
    private String everyDataFile() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(dataDirectory.path())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }

    private String everyMongoValue() {
        StringBuilder text = new StringBuilder();
        for (String name : mongo.listDatabaseNames()) {
            MongoDatabase database = mongo.getDatabase(name);
            for (String collection : database.listCollectionNames()) {
                database.getCollection(collection).find().forEach(document -> appendValues(document, text));
            }
        }
        return text.toString();
    }

    private static void appendValues(Object value, StringBuilder text) {
        if (value instanceof Document document) {
            document.forEach((key, field) -> {
                text.append(key).append('=');
                appendValues(field, text);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(element -> appendValues(element, text));
        } else if (value instanceof Binary binary) {
            text.append(new String(binary.getData(), StandardCharsets.UTF_8)).append('\n');
        } else {
            text.append(value).append('\n');
        }
    }
}
