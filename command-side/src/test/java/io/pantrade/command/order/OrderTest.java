package io.pantrade.command.order;

import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.CancelOrder;
import io.pantrade.kernel.order.CompleteOrder;
import io.pantrade.kernel.order.OrderCancelled;
import io.pantrade.kernel.order.OrderCompleted;
import io.pantrade.kernel.delivery.GeoPoint;
import io.pantrade.kernel.delivery.ParcelSize;
import io.pantrade.kernel.delivery.TimeWindow;
import io.pantrade.kernel.order.Fulfilment;
import io.pantrade.kernel.order.FulfilmentRequested;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.payment.CardReference;
import io.pantrade.kernel.payment.MerchantId;
import io.pantrade.kernel.order.OrderLine;
import io.pantrade.kernel.order.OrderPlaced;
import io.pantrade.kernel.order.PlaceOrder;
import io.pantrade.kernel.order.PlaceOrderAgain;
import io.pantrade.kernel.privacy.SealedText;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.pantrade.testing.RuleViolations.violating;

/** One test per rule of {@link Order}, each rejection asserted by its stable code. */
class OrderTest {

    private static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** 10,000.00 EUR by default; yen have no minor unit, so their ceiling is higher. */
    private static final long DEFAULT_MAX_TOTAL = 1_000_000;
    private static final long JPY_MAX_TOTAL = 100_000_000;
    private static final OrderLimits LIMITS = new OrderLimits(DEFAULT_MAX_TOTAL, Map.of("JPY", JPY_MAX_TOTAL));

    private static final OrderId ORDER_ID = new OrderId("6f1c1e0a-3b7d-4f7e-9a51-0c2b8d4e5f60");
    private static final CustomerId CUSTOMER_ID = new CustomerId("0b9e2c4d-8a1f-4c3e-b6d7-1e2f3a4b5c6d");
    private static final SealedText ADDRESS = new SealedText(CUSTOMER_ID.value(), "Y2lwaGVy");
    private static final Fulfilment FULFILMENT = new Fulfilment(
            new MerchantId("3c2b1a09-8f7e-4d6c-b5a4-938271605f4e"), new CardReference("tok_1", "visa", "4242"),
            new GeoPoint(52.52, 13.405), new TimeWindow(NOW, NOW.plusSeconds(3600)), ParcelSize.SMALL);

    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(LIMITS);
        fixture.registerInjectableResource(CLOCK);
    }

    @Nested
    class Placing {

        @Test
        void places_an_order_with_the_computed_total_at_the_clocks_instant() {
            PlaceOrder command = anOrder()
                    .withLines(line("apple", 2, 250, "EUR"), line("pear", 1, 1_000, "EUR"))
                    .build();

            expectPlaced(command, eur(1_500));
        }

        @Test
        void keeps_a_given_placed_at() {
            Instant historical = Instant.parse("2019-07-01T12:00:00Z");

            fixture.givenNoPriorActivity()
                    .when(anOrder().placedAt(historical).build())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OrderPlaced(ORDER_ID, CUSTOMER_ID, anOrder().build().lines(), eur(500),
                            ADDRESS, historical));
        }

        @Test
        void an_order_to_be_paid_and_delivered_requests_its_fulfilment() {
            fixture.givenNoPriorActivity()
                    .when(anOrder().withFulfilment(FULFILMENT).build())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(placed(),
                            new FulfilmentRequested(ORDER_ID, CUSTOMER_ID, eur(500), FULFILMENT, ADDRESS));
        }

        @ParameterizedTest(name = "without its {0}")
        @ValueSource(strings = {"merchant", "card", "pickup", "window", "size"})
        void a_fulfilment_needs_every_part(String missing) {
            Fulfilment f = FULFILMENT;
            Fulfilment incomplete = new Fulfilment(
                    missing.equals("merchant") ? null : f.merchantId(),
                    missing.equals("card") ? null : f.card(),
                    missing.equals("pickup") ? null : f.pickup(),
                    missing.equals("window") ? null : f.window(),
                    missing.equals("size") ? null : f.size());
            expectRejected(anOrder().withFulfilment(incomplete).build(), "order.fulfilment-incomplete");
        }

        @Test
        void needs_a_customer() {
            expectRejected(anOrder().withoutCustomer().build(), "order.customer-missing");
        }

        @Test
        void needs_a_delivery_address() {
            expectRejected(anOrder().withoutAddress().build(), "order.address-missing");
        }

        @Test
        void placing_the_same_order_again_changes_nothing() {
            PlaceOrder command = anOrder().build();
            fixture.given(new OrderPlaced(command.orderId(), command.customerId(), command.lines(), eur(500),
                            command.deliveryAddress(), NOW))
                    .when(PlaceOrderAgain.of(command))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void an_order_id_taken_by_a_different_order_is_refused() {
            expectRejected(fixture.given(placed())
                    .when(PlaceOrderAgain.of(anOrder().withLines(line("other", 1, 1, "EUR")).build())), "order.id-taken");
        }

        @Test
        void an_order_id_taken_by_another_customers_order_is_refused() {
            PlaceOrder placedByTheCustomer = anOrder().build();
            PlaceOrder sameLinesOtherCustomer = new PlaceOrder(placedByTheCustomer.orderId(),
                    new CustomerId("0c6f1b9e-3d2a-4f5b-8e7c-9a1b2c3d4e5f"), placedByTheCustomer.lines(), null, null, null);
            expectRejected(fixture.given(placed()).when(PlaceOrderAgain.of(sameLinesOtherCustomer)), "order.id-taken");
        }

        @Test
        void placing_again_an_order_that_was_never_placed_finds_no_order() {
            fixture.givenNoPriorActivity()
                    .when(PlaceOrderAgain.of(anOrder().build()))
                    .expectException(AggregateNotFoundException.class);
        }

        @Test
        void needs_the_address_sealed_under_the_customers_own_key() {
            SealedText sealedForSomeoneElse = new SealedText("5d1f0c2e-7b3a-4e9d-8c6f-2a1b3c4d5e6f", "Y2lwaGVy");
            expectRejected(anOrder().withAddress(sealedForSomeoneElse).build(), "order.address-subject-mismatch");
        }

        @Test
        void needs_a_unit_price_on_every_line() {
            expectRejected(anOrder().withLines(line("apple", 1, 5, "EUR"), new OrderLine("pear", 1, null)).build(),
                    "order.unit-price-missing");
            expectRejected(anOrder().withLines(new OrderLine("pear", 1, null)).build(), "order.unit-price-missing");
        }

        @Test
        void needs_at_least_one_line() {
            expectRejected(anOrder().withLines().build(), "order.no-lines");
        }

        @Test
        void needs_a_list_of_lines() {
            expectRejected(anOrder().withLines((List<OrderLine>) null).build(), "order.no-lines");
        }

        @Test
        void accepts_500_lines() {
            expectPlaced(anOrder().withLines(lines(500)).build(), eur(500 * 100));
        }

        @Test
        void rejects_501_lines() {
            expectRejected(anOrder().withLines(lines(501)).build(), "order.too-many-lines");
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 10_000})
        void accepts_a_quantity_from_1_to_10_000(int quantity) {
            expectPlaced(anOrder().withLines(line("apple", quantity, 3, "EUR")).build(), eur(3L * quantity));
        }

        @ParameterizedTest
        @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 10_001})
        void rejects_a_quantity_outside_1_to_10_000(int quantity) {
            expectRejected(anOrder().withLines(line("apple", quantity, 3, "EUR")).build(),
                    "order.quantity-out-of-range");
        }

        @Test
        void rejects_a_negative_unit_price() {
            expectRejected(anOrder().withLines(line("apple", 1, 500, "EUR"), line("refund", 1, -1, "EUR")).build(),
                    "order.negative-unit-price");
        }

        @Test
        void accepts_a_free_line() {
            expectPlaced(anOrder().withLines(line("gift", 1, 0, "EUR")).build(), eur(0));
        }

        @Test
        void rejects_mixed_currencies() {
            expectRejected(anOrder().withLines(line("apple", 1, 100, "EUR"), line("pear", 1, 100, "USD")).build(),
                    "order.mixed-currencies");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t"})
        void rejects_a_line_without_a_sku(String sku) {
            expectRejected(anOrder().withLines(line(sku, 1, 100, "EUR")).build(), "order.sku-invalid");
        }

        @Test
        void accepts_a_64_character_sku() {
            expectPlaced(anOrder().withLines(line("s".repeat(64), 1, 100, "EUR")).build(), eur(100));
        }

        @Test
        void rejects_a_65_character_sku() {
            expectRejected(anOrder().withLines(line("s".repeat(65), 1, 100, "EUR")).build(), "order.sku-invalid");
        }

        @Test
        void accepts_a_total_at_the_limit() {
            expectPlaced(anOrder().withLines(line("tv", 1, DEFAULT_MAX_TOTAL, "EUR")).build(), eur(DEFAULT_MAX_TOTAL));
        }

        @Test
        void rejects_a_total_above_the_limit() {
            expectRejected(anOrder().withLines(line("tv", 1, DEFAULT_MAX_TOTAL, "EUR"), line("cable", 1, 1, "EUR"))
                    .build(), "order.total-above-limit");
        }

        @Test
        void respects_a_per_currency_limit() {
            long yen = 5_000_000; // above the default ceiling, within the yen ceiling

            expectPlaced(anOrder().withLines(line("tv", 1, yen, "JPY")).build(), new Money(yen, "JPY"));
        }

        @Test
        void rejects_a_total_above_the_per_currency_limit() {
            expectRejected(anOrder().withLines(line("tv", 1, JPY_MAX_TOTAL + 1, "JPY")).build(),
                    "order.total-above-limit");
        }

        @Test
        void rejects_a_line_total_that_would_overflow_instead_of_wrapping() {
            expectRejected(anOrder().withLines(line("yacht", 2, Long.MAX_VALUE, "EUR")).build(),
                    "order.total-overflow");
        }

        @Test
        void rejects_a_sum_of_lines_that_would_overflow_instead_of_wrapping() {
            expectRejected(anOrder().withLines(line("yacht", 1, Long.MAX_VALUE, "EUR"), line("fuel", 1, 1, "EUR"))
                    .build(), "order.total-overflow");
        }
    }

    @Nested
    class Cancelling {

        @Test
        void cancels_with_a_reason() {
            fixture.given(placed())
                    .when(new CancelOrder(ORDER_ID, "customer changed their mind"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OrderCancelled(ORDER_ID, "customer changed their mind"));
        }

        @Test
        void accepts_a_500_character_reason() {
            String reason = "r".repeat(500);

            fixture.given(placed())
                    .when(new CancelOrder(ORDER_ID, reason))
                    .expectEvents(new OrderCancelled(ORDER_ID, reason));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\n"})
        void needs_a_reason(String reason) {
            expectRejected(fixture.given(placed()).when(new CancelOrder(ORDER_ID, reason)),
                    "order.cancel-reason-invalid");
        }

        @Test
        void rejects_a_501_character_reason() {
            expectRejected(fixture.given(placed()).when(new CancelOrder(ORDER_ID, "r".repeat(501))),
                    "order.cancel-reason-invalid");
        }

        @Test
        void cannot_cancel_a_completed_order() {
            expectRejected(fixture.given(placed(), new OrderCompleted(ORDER_ID))
                    .when(new CancelOrder(ORDER_ID, "too late")), "order.completed");
        }

        @Test
        void cannot_cancel_twice() {
            expectRejected(fixture.given(placed(), new OrderCancelled(ORDER_ID, "first"))
                    .when(new CancelOrder(ORDER_ID, "second")), "order.already-cancelled");
        }

        @Test
        void cannot_cancel_an_unknown_order() {
            fixture.givenNoPriorActivity()
                    .when(new CancelOrder(ORDER_ID, "never placed"))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Completing {

        @Test
        void completes_a_placed_order() {
            fixture.given(placed())
                    .when(new CompleteOrder(ORDER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OrderCompleted(ORDER_ID));
        }

        @Test
        void cannot_complete_twice() {
            expectRejected(fixture.given(placed(), new OrderCompleted(ORDER_ID))
                    .when(new CompleteOrder(ORDER_ID)), "order.already-completed");
        }

        @Test
        void cannot_complete_a_cancelled_order() {
            expectRejected(fixture.given(placed(), new OrderCancelled(ORDER_ID, "changed mind"))
                    .when(new CompleteOrder(ORDER_ID)), "order.cancelled");
        }

        @Test
        void cannot_complete_an_unknown_order() {
            fixture.givenNoPriorActivity()
                    .when(new CompleteOrder(ORDER_ID))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    // --- expectations -------------------------------------------------------------------------

    private void expectPlaced(PlaceOrder command, Money total) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderPlaced(command.orderId(), command.customerId(), command.lines(), total,
                        command.deliveryAddress(), NOW));
    }

    private void expectRejected(PlaceOrder command, String code) {
        expectRejected(fixture.givenNoPriorActivity().when(command), code);
    }

    private static void expectRejected(ResultValidator<Order> result, String code) {
        result.expectException(violating(code)).expectNoEvents();
    }

    // --- test data ----------------------------------------------------------------------------

    private static OrderPlaced placed() {
        return new OrderPlaced(ORDER_ID, CUSTOMER_ID, anOrder().build().lines(), eur(500), ADDRESS, NOW);
    }

    private static Money eur(long cents) {
        return new Money(cents, "EUR");
    }

    private static OrderLine line(String sku, int quantity, long unitPriceMinor, String currency) {
        return new OrderLine(sku, quantity, new Money(unitPriceMinor, currency));
    }

    private static List<OrderLine> lines(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> line("sku-" + i, 1, 100, "EUR")).toList();
    }

    private static PlaceOrderBuilder anOrder() {
        return new PlaceOrderBuilder();
    }

    /** A valid order (2 × 2.50 EUR) unless told otherwise. */
    private static final class PlaceOrderBuilder {

        private CustomerId customerId = CUSTOMER_ID;
        private List<OrderLine> lines = List.of(line("apple", 2, 250, "EUR"));
        private SealedText deliveryAddress = ADDRESS;
        private Instant placedAt;
        private Fulfilment fulfilment;

        PlaceOrderBuilder withFulfilment(Fulfilment fulfilment) {
            this.fulfilment = fulfilment;
            return this;
        }

        PlaceOrderBuilder withLines(OrderLine... lines) {
            return withLines(Arrays.asList(lines));
        }

        PlaceOrderBuilder withLines(List<OrderLine> lines) {
            this.lines = lines == null ? null : new ArrayList<>(lines);
            return this;
        }

        PlaceOrderBuilder withoutCustomer() {
            customerId = null;
            return this;
        }

        PlaceOrderBuilder withAddress(SealedText sealed) {
            this.deliveryAddress = sealed;
            return this;
        }

        PlaceOrderBuilder withoutAddress() {
            deliveryAddress = null;
            return this;
        }

        PlaceOrderBuilder placedAt(Instant placedAt) {
            this.placedAt = placedAt;
            return this;
        }

        PlaceOrder build() {
            return new PlaceOrder(ORDER_ID, customerId, lines, deliveryAddress, placedAt, fulfilment);
        }
    }
}
