package io.pantrade.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.pantrade.app.Http.Reply;
import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.payment.CardReference;
import io.pantrade.kernel.payment.MerchantId;
import io.pantrade.kernel.payment.PaymentAuthorizationRequested;
import io.pantrade.kernel.payment.PaymentCaptured;
import io.pantrade.kernel.payment.PaymentId;
import io.pantrade.kernel.payment.PaymentRefunded;
import io.pantrade.projection.ledger.LedgerProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.pantrade.app.OrderApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ledger over HTTP. No Payment aggregate publishes payment events in this engine yet, so the
 * test appends them to its event store as the aggregate would: the ledger reads them like any other.
 */
class LedgerApiTest extends RunningEngineTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    private final PaymentId payment = new PaymentId(UUID.randomUUID().toString());
    private final String customer = UUID.randomUUID().toString();
    private final String merchant = UUID.randomUUID().toString();

    @Test
    void a_captured_then_partly_refunded_payment_shows_in_its_parties_accounts_and_the_books_balance() {
        publishCaptureAndRefund();

        JsonNode shop = awaitAccount("merchant:" + merchant);
        assertThat(shop.path("accountId").asText()).isEqualTo("merchant:" + merchant);
        assertThat(shop.path("wallet").asBoolean()).isTrue();
        assertThat(shop.path("balances")).hasSize(1);
        JsonNode eur = shop.path("balances").get(0);
        assertThat(eur.path("currency").asText()).isEqualTo("EUR");
        assertThat(eur.path("debitsMinor").asLong()).isEqualTo(2_428);
        assertThat(eur.path("creditsMinor").asLong()).isEqualTo(9_710);
        assertThat(eur.path("balanceMinor").asLong()).isEqualTo(-7_282);
        assertThat(descriptions(shop)).containsExactly("refund owed", "earned");
        JsonNode owed = shop.path("postings").get(0);
        assertThat(owed.path("paymentId").asText()).isEqualTo(payment.value());
        assertThat(owed.path("postingId").asText()).isEqualTo(payment + "/refund/r1/refund-owed");
        assertThat(owed.path("at").asText()).isEqualTo("2025-03-01T10:02:00Z");
        assertThat(owed.path("lines").get(0).path("account").asText()).isEqualTo("merchant:" + merchant);
        assertThat(owed.path("lines").get(0).path("amount").path("amountMinor").asLong()).isEqualTo(2_428);
        assertThat(shop.has("nextCursor")).isFalse();

        JsonNode alice = http.get("/api/ledger/accounts/customer:" + customer).json();
        assertThat(alice.path("balances").get(0).path("balanceMinor").asLong()).isZero();
        assertThat(descriptions(alice)).containsExactly("earned", "funds received");

        JsonNode reconciliation = http.get("/api/ledger/reconciliation").json();
        assertThat(reconciliation.path("balanced").asBoolean()).as(reconciliation.toString()).isTrue();
        assertThat(reconciliation.path("mismatchCount").asLong()).isZero();
        assertThat(reconciliation.path("mismatches")).isEmpty();
        assertThat(reconciliation.path("currencies").get(0).path("currency").asText()).isEqualTo("EUR");
        assertThat(reconciliation.path("currencies").get(0).path("sumOfBalancesMinor").asLong()).isZero();
        assertThat(reconciliation.path("currencies").get(0).path("walletsNonNegative").asBoolean()).isTrue();
    }

    @Test
    void an_accounts_postings_come_a_page_at_a_time_following_the_cursor() {
        publishCaptureAndRefund();
        awaitAccount("merchant:" + merchant);

        Reply first = http.get("/api/ledger/accounts/merchant:" + merchant + "?limit=1");
        String cursor = first.json().path("nextCursor").asText();
        Reply second = http.get("/api/ledger/accounts/merchant:" + merchant + "?limit=1&before=" + cursor);

        assertThat(descriptions(first.json())).containsExactly("refund owed");
        assertThat(descriptions(second.json())).containsExactly("earned");
        assertThat(second.json().has("nextCursor")).isFalse();
    }

    @Test
    void the_operators_accounts_are_found_by_name() {
        publishCaptureAndRefund();
        awaitAccount("merchant:" + merchant);

        JsonNode clearing = http.get("/api/ledger/accounts/provider-clearing?limit=200").json();
        assertThat(clearing.path("wallet").asBoolean()).isFalse();
        assertThat(descriptions(clearing)).contains("refund paid out", "funds received");
        assertThat(http.get("/api/ledger/accounts/fees").status()).isEqualTo(200);
        assertThat(http.get("/api/ledger/accounts/refunds").status()).isEqualTo(200);
    }

    @Test
    void unknown_and_malformed_accounts_and_bad_paging_are_4xx() {
        assertProblem(http.get("/api/ledger/accounts/merchant:" + UUID.randomUUID()), 404, "not-found");
        Reply malformed = http.get("/api/ledger/accounts/supplier:" + UUID.randomUUID());
        assertProblem(malformed, 400, "invalid-request");
        assertThat(malformed.json().path("errors").get(0).path("field").asText()).isEqualTo("accountId");
        assertProblem(http.get("/api/ledger/accounts/merchant:not-a-uuid"), 400, "invalid-request");

        for (String badPaging : List.of("limit=0", "limit=201", "limit=ten", "before=0", "before=abc")) {
            Reply reply = http.get("/api/ledger/accounts/fees?" + badPaging);
            assertProblem(reply, 400, "invalid-request");
            assertThat(reply.json().path("errors").get(0).path("field").asText())
                    .isEqualTo(badPaging.substring(0, badPaging.indexOf('=')));
        }
        assertProblem(http.get("/api/ledger/reconciliation?mismatchLimit=-1"), 400, "invalid-request");
    }

    @Test
    void while_the_ledger_is_behind_a_missing_account_and_a_reconciliation_are_503() {
        EventProcessor ledger = processing.eventProcessor(LedgerProjection.PROCESSOR).orElseThrow();
        ledger.shutDown();
        try {
            publishCaptureAndRefund();
            assertProblem(http.get("/api/ledger/accounts/merchant:" + merchant), 503, "read-model-catching-up");
            assertProblem(http.get("/api/ledger/reconciliation"), 503, "read-model-catching-up");
        } finally {
            ledger.start();
        }
        assertThat(awaitAccount("merchant:" + merchant).path("balances").get(0).path("balanceMinor").asLong())
                .isEqualTo(-7_282);
    }

    private void publishCaptureAndRefund() {
        Money authorized = eur(10_000);
        eventStore.publish(List.of(
                event(0, new PaymentAuthorizationRequested(payment, OrderId.random(), new CustomerId(customer),
                        new MerchantId(merchant), authorized, new CardReference("tok_1", "VISA", "4242"), T0)),
                event(1, new PaymentCaptured(payment, "c1", authorized, eur(290), T0.plusSeconds(60))),
                event(2, new PaymentRefunded(payment, "r1", eur(2_500), eur(72), "damaged", T0.plusSeconds(120)))));
    }

    private EventMessage<?> event(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Payment", payment.value(), sequence, payload);
    }

    private JsonNode awaitAccount(String accountId) {
        await().atMost(Duration.ofSeconds(10)).until(() ->
                http.get("/api/ledger/accounts/" + accountId).json().path("postings").size() == 2);
        return http.get("/api/ledger/accounts/" + accountId).json();
    }

    private static List<String> descriptions(JsonNode account) {
        return StreamSupport.stream(account.path("postings").spliterator(), false)
                .map(posting -> posting.path("description").asText()).toList();
    }

    private static Money eur(long cents) {
        return new Money(cents, "EUR");
    }
}
