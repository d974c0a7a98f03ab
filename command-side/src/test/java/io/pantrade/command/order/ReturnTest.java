package io.pantrade.command.order;

import io.pantrade.kernel.Money;
import io.pantrade.kernel.behaviour.RecordReturn;
import io.pantrade.kernel.behaviour.ReturnId;
import io.pantrade.kernel.behaviour.ReturnRecorded;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderLine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static io.pantrade.testing.RuleViolations.violating;

/** One test per rule of {@link Return}, each rejection asserted by its stable code. */
class ReturnTest {

    private static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");
    private static final Instant RETURNED_AT = Instant.parse("2011-02-01T11:19:00Z");
    private static final ReturnId RETURN_ID = new ReturnId("9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d");
    private static final CustomerId CUSTOMER_ID = new CustomerId("0b9e2c4d-8a1f-4c3e-b6d7-1e2f3a4b5c6d");
    private static final List<OrderLine> LINES = List.of(line("mug", 2, 250, "GBP"), line("pot", 1, 295, "GBP"));

    private FixtureConfiguration<Return> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Return.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void records_a_return_with_its_total_at_its_own_date() {
        fixture.givenNoPriorActivity()
                .when(new RecordReturn(RETURN_ID, CUSTOMER_ID, LINES, RETURNED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(recorded());
    }

    @Test
    void a_return_without_a_date_happens_now() {
        fixture.givenNoPriorActivity()
                .when(new RecordReturn(RETURN_ID, CUSTOMER_ID, LINES, null))
                .expectEvents(new ReturnRecorded(RETURN_ID, CUSTOMER_ID, LINES, gbp(795), NOW));
    }

    @Test
    void recording_the_same_return_again_changes_nothing() {
        fixture.given(recorded())
                .when(new RecordReturn(RETURN_ID, CUSTOMER_ID, LINES, RETURNED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_return_id_taken_by_a_different_return_is_refused() {
        fixture.given(recorded())
                .when(new RecordReturn(RETURN_ID, CUSTOMER_ID, List.of(line("mug", 1, 250, "GBP")), RETURNED_AT))
                .expectException(violating("return.id-taken"))
                .expectNoEvents();
    }

    @Test
    void a_return_id_taken_by_another_customers_return_is_refused() {
        CustomerId someoneElse = new CustomerId("5d1f0c2e-7b3a-4e9d-8c6f-2a1b3c4d5e6f");
        fixture.given(recorded())
                .when(new RecordReturn(RETURN_ID, someoneElse, LINES, RETURNED_AT))
                .expectException(violating("return.id-taken"))
                .expectNoEvents();
    }

    @Test
    void needs_a_customer() {
        expectRejected(new RecordReturn(RETURN_ID, null, LINES, RETURNED_AT), "return.customer-missing");
    }

    @Test
    void needs_at_least_one_line() {
        expectRejected(returnOf(Collections.emptyList()), "return.no-lines");
        expectRejected(returnOf(null), "return.no-lines");
    }

    @Test
    void has_at_most_500_lines() {
        List<OrderLine> lines = IntStream.rangeClosed(1, 501).mapToObj(i -> line("sku-" + i, 1, 1, "GBP")).toList();
        expectRejected(returnOf(lines), "return.too-many-lines");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void every_line_needs_a_sku(String sku) {
        expectRejected(returnOf(List.of(line(sku, 1, 100, "GBP"))), "return.sku-invalid");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 10_001})
    void quantities_are_positive_and_at_most_10_000(int quantity) {
        expectRejected(returnOf(List.of(line("mug", quantity, 100, "GBP"))), "return.quantity-out-of-range");
    }

    @Test
    void every_line_needs_a_unit_price() {
        expectRejected(returnOf(List.of(new OrderLine("mug", 1, null))), "return.unit-price-missing");
    }

    @Test
    void unit_prices_are_not_negative() {
        expectRejected(returnOf(List.of(line("mug", 1, 100, "GBP"), line("fee", 1, -1, "GBP"))),
                "return.negative-unit-price");
    }

    @Test
    void a_free_line_is_returned_at_no_value() {
        fixture.givenNoPriorActivity()
                .when(returnOf(List.of(line("sample", 3, 0, "GBP"))))
                .expectEvents(new ReturnRecorded(RETURN_ID, CUSTOMER_ID, List.of(line("sample", 3, 0, "GBP")),
                        gbp(0), RETURNED_AT));
    }

    @Test
    void all_lines_are_in_one_currency() {
        expectRejected(returnOf(List.of(line("mug", 1, 100, "GBP"), line("pot", 1, 100, "EUR"))),
                "return.mixed-currencies");
    }

    @Test
    void a_total_that_would_overflow_is_refused_instead_of_wrapping() {
        expectRejected(returnOf(List.of(line("yacht", 2, Long.MAX_VALUE, "GBP"))), "return.total-overflow");
    }

    private void expectRejected(RecordReturn command, String code) {
        fixture.givenNoPriorActivity().when(command).expectException(violating(code)).expectNoEvents();
    }

    private static ReturnRecorded recorded() {
        return new ReturnRecorded(RETURN_ID, CUSTOMER_ID, LINES, gbp(795), RETURNED_AT);
    }

    private static RecordReturn returnOf(List<OrderLine> lines) {
        return new RecordReturn(RETURN_ID, CUSTOMER_ID, lines, RETURNED_AT);
    }

    private static Money gbp(long pence) {
        return new Money(pence, "GBP");
    }

    private static OrderLine line(String sku, int quantity, long unitPriceMinor, String currency) {
        return new OrderLine(sku, quantity, new Money(unitPriceMinor, currency));
    }
}
