package io.pantrade.command.payment;

import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.payment.AuthorizationExpired;
import io.pantrade.kernel.payment.AuthorizationOutcome;
import io.pantrade.kernel.payment.AuthorizePayment;
import io.pantrade.kernel.payment.CapturePayment;
import io.pantrade.kernel.payment.CardReference;
import io.pantrade.kernel.payment.MarkAuthorizationUnknown;
import io.pantrade.kernel.payment.MerchantId;
import io.pantrade.kernel.payment.PaymentAuthorizationRequested;
import io.pantrade.kernel.payment.PaymentAuthorized;
import io.pantrade.kernel.payment.PaymentCaptured;
import io.pantrade.kernel.payment.PaymentDeclined;
import io.pantrade.kernel.payment.PaymentFailed;
import io.pantrade.kernel.payment.PaymentId;
import io.pantrade.kernel.payment.PaymentOutcomeUnknown;
import io.pantrade.kernel.payment.PaymentRefunded;
import io.pantrade.kernel.payment.PaymentVoided;
import io.pantrade.kernel.payment.RecordAuthorizationOutcome;
import io.pantrade.kernel.payment.RefundPayment;
import io.pantrade.kernel.payment.VoidPayment;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static io.pantrade.testing.RuleViolations.violating;

/** One test per transition and per rule of {@link Payment}, each rejection asserted by its stable code. */
class PaymentTest {

    private static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");
    private static final Duration HOLD = Duration.ofDays(7);
    private static final Instant EXPIRY = NOW.plus(HOLD);
    /** 2.9 % + 30 cents, at most 1,000.00 EUR per payment */
    private static final PaymentTerms TERMS = new PaymentTerms(HOLD, 100_000, 290, 30);

    private static final PaymentId PAYMENT_ID = new PaymentId("9a3e1c7d-2b4f-4e6a-8c1d-5f7a9b3c2e10");
    private static final OrderId ORDER_ID = new OrderId("6f1c1e0a-3b7d-4f7e-9a51-0c2b8d4e5f60");
    private static final CustomerId CUSTOMER_ID = new CustomerId("0b9e2c4d-8a1f-4c3e-b6d7-1e2f3a4b5c6d");
    private static final MerchantId MERCHANT_ID = new MerchantId("3c5d7e9f-1a2b-4c3d-8e4f-5a6b7c8d9e0f");
    private static final CardReference CARD = new CardReference("card_k3J8vQ2mN5pR7tW9", "visa", "4242");

    private final MovableClock clock = new MovableClock(NOW);
    private FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
        fixture.registerInjectableResource(TERMS);
        fixture.registerInjectableResource(clock);
    }

    @Nested
    class Authorizing {

        @Test
        void asks_the_provider_and_waits_for_its_answer() {
            fixture.givenNoPriorActivity()
                    .when(authorize(eur(10_000)))
                    .expectEvents(requested(eur(10_000)))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void running_the_same_authorization_again_changes_nothing() {
            fixture.given(requested(eur(10_000)))
                    .when(authorize(eur(10_000)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refuses_another_payment_under_a_taken_id() {
            expectRejected(fixture.given(requested(eur(10_000))).when(authorize(eur(10_001))), "payment.id-taken");
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1})
        void refuses_an_amount_that_is_not_positive(long amount) {
            expectRejected(fixture.givenNoPriorActivity().when(authorize(eur(amount))), "payment.amount-not-positive");
        }

        @Test
        void refuses_an_amount_above_the_limit() {
            fixture.givenNoPriorActivity().when(authorize(eur(100_000))).expectSuccessfulHandlerExecution();
            setUp();
            expectRejected(fixture.givenNoPriorActivity().when(authorize(eur(100_001))), "payment.amount-above-limit");
        }

        @Test
        void needs_an_order() {
            expectRejected(fixture.givenNoPriorActivity().when(new AuthorizePayment(PAYMENT_ID, null, CUSTOMER_ID,
                    MERCHANT_ID, eur(100), CARD)), "payment.order-missing");
        }

        @Test
        void needs_a_customer() {
            expectRejected(fixture.givenNoPriorActivity().when(new AuthorizePayment(PAYMENT_ID, ORDER_ID, null,
                    MERCHANT_ID, eur(100), CARD)), "payment.customer-missing");
        }

        @Test
        void needs_a_merchant() {
            expectRejected(fixture.givenNoPriorActivity().when(new AuthorizePayment(PAYMENT_ID, ORDER_ID, CUSTOMER_ID,
                    null, eur(100), CARD)), "payment.merchant-missing");
        }

        @Test
        void needs_a_card() {
            expectRejected(fixture.givenNoPriorActivity().when(new AuthorizePayment(PAYMENT_ID, ORDER_ID, CUSTOMER_ID,
                    MERCHANT_ID, eur(100), null)), "payment.card-missing");
        }
    }

    @Nested
    class ProviderOutcomes {

        @Test
        void an_approval_holds_the_amount_until_the_hold_period_ends() {
            fixture.given(requested(eur(10_000)))
                    .when(outcome(AuthorizationOutcome.APPROVED, null))
                    .expectEvents(authorized(eur(10_000)))
                    .expectScheduledDeadlineWithName(EXPIRY, Payment.EXPIRY_DEADLINE);
        }

        @Test
        void a_decline_keeps_its_reason() {
            fixture.given(requested(eur(10_000)))
                    .when(outcome(AuthorizationOutcome.DECLINED, "insufficient-funds"))
                    .expectEvents(new PaymentDeclined(PAYMENT_ID, "insufficient-funds", NOW))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_failure_holds_nothing() {
            fixture.given(requested(eur(10_000)))
                    .when(outcome(AuthorizationOutcome.FAILED, "processing-error"))
                    .expectEvents(new PaymentFailed(PAYMENT_ID, "processing-error", NOW));
        }

        @Test
        void a_time_out_makes_a_waiting_payment_unknown() {
            fixture.given(requested(eur(10_000)))
                    .when(new MarkAuthorizationUnknown(PAYMENT_ID, "provider timed out"))
                    .expectEvents(new PaymentOutcomeUnknown(PAYMENT_ID, "provider timed out", NOW));
        }

        @Test
        void a_late_time_out_does_not_hide_an_answer_already_recorded() {
            fixture.given(requested(eur(10_000)), authorized(eur(10_000)))
                    .when(new MarkAuthorizationUnknown(PAYMENT_ID, "provider timed out"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reconciliation_settles_an_unknown_payment() {
            fixture.given(requested(eur(10_000)), new PaymentOutcomeUnknown(PAYMENT_ID, "provider timed out", NOW))
                    .when(outcome(AuthorizationOutcome.APPROVED, null))
                    .expectEvents(authorized(eur(10_000)));
        }

        @Test
        void the_same_answer_twice_changes_nothing() {
            fixture.given(requested(eur(10_000)), authorized(eur(10_000)))
                    .when(outcome(AuthorizationOutcome.APPROVED, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_different_answer_after_the_first_is_refused() {
            expectRejected(fixture.given(requested(eur(10_000)), new PaymentDeclined(PAYMENT_ID, "stolen-card", NOW))
                    .when(outcome(AuthorizationOutcome.APPROVED, null)), "payment.outcome-conflict");
        }

        @Test
        void an_answer_for_an_unknown_payment_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(outcome(AuthorizationOutcome.APPROVED, null))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class Capturing {

        @Test
        void captures_part_of_the_hold_and_keeps_the_fee() {
            // 2.9 % of 4,000 = 116, plus 30 fixed
            fixture.given(approved(eur(10_000)))
                    .when(capture("c1", eur(4_000)))
                    .expectEvents(new PaymentCaptured(PAYMENT_ID, "c1", eur(4_000), eur(146), NOW));
        }

        @Test
        void captures_several_times_up_to_the_authorized_amount() {
            fixture.given(approved(eur(10_000)))
                    .andGivenCommands(capture("c1", eur(4_000)), capture("c2", eur(5_000)))
                    .when(capture("c3", eur(1_000)))
                    .expectEvents(new PaymentCaptured(PAYMENT_ID, "c3", eur(1_000), eur(59), NOW));
        }

        @Test
        void refuses_to_capture_more_than_is_left() {
            expectRejected(fixture.given(approved(eur(10_000)))
                            .andGivenCommands(capture("c1", eur(4_000)), capture("c2", eur(5_000)))
                            .when(capture("c3", eur(1_001))),
                    "payment.capture-exceeds-authorization");
        }

        @Test
        void refuses_anything_once_everything_is_captured() {
            expectRejected(fixture.given(approved(eur(10_000)))
                    .andGivenCommands(capture("c1", eur(10_000)))
                    .when(capture("c2", eur(1))), "payment.capture-exceeds-authorization");
        }

        @Test
        void the_same_capture_twice_takes_the_money_once() {
            fixture.given(approved(eur(10_000)))
                    .andGivenCommands(capture("c1", eur(4_000)))
                    .when(capture("c1", eur(4_000)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refuses_a_capture_id_reused_for_another_amount() {
            expectRejected(fixture.given(approved(eur(10_000)))
                    .andGivenCommands(capture("c1", eur(4_000)))
                    .when(capture("c1", eur(4_001))), "payment.capture-id-taken");
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -5})
        void refuses_an_amount_that_is_not_positive(long amount) {
            expectRejected(fixture.given(approved(eur(10_000))).when(capture("c1", eur(amount))),
                    "payment.amount-not-positive");
        }

        @Test
        void refuses_another_currency() {
            expectRejected(fixture.given(approved(eur(10_000))).when(capture("c1", new Money(100, "USD"))),
                    "payment.currency-mismatch");
        }

        @Test
        void refuses_while_the_provider_has_not_answered() {
            expectRejected(fixture.given(requested(eur(10_000))).when(capture("c1", eur(100))),
                    "payment.authorization-pending");
        }

        @Test
        void refuses_while_the_outcome_is_unknown() {
            expectRejected(fixture.given(requested(eur(10_000)),
                            new PaymentOutcomeUnknown(PAYMENT_ID, "provider timed out", NOW))
                    .when(capture("c1", eur(100))), "payment.authorization-pending");
        }

        @Test
        void refuses_a_declined_authorization() {
            expectRejected(fixture.given(requested(eur(10_000)), new PaymentDeclined(PAYMENT_ID, "stolen-card", NOW))
                    .when(capture("c1", eur(100))), "payment.not-authorized");
        }

        @Test
        void refuses_a_failed_authorization() {
            expectRejected(fixture.given(requested(eur(10_000)), new PaymentFailed(PAYMENT_ID, "processing-error", NOW))
                    .when(capture("c1", eur(100))), "payment.not-authorized");
        }

        @Test
        void refuses_a_voided_payment() {
            expectRejected(fixture.given(approved(eur(10_000)))
                    .andGiven(new PaymentVoided(PAYMENT_ID, eur(10_000), "customer cancelled", NOW))
                    .when(capture("c1", eur(100))), "payment.voided");
        }

        @Test
        void refuses_after_a_refund() {
            expectRejected(fixture.given(approved(eur(10_000)))
                    .andGivenCommands(capture("c1", eur(4_000)), refund("r1", eur(1_000)))
                    .when(capture("c2", eur(100))), "payment.capture-after-refund");
        }

        @Test
        void refuses_at_the_end_of_the_hold_even_before_the_deadline_ran() {
            clock.moveTo(EXPIRY);
            expectRejected(fixture.given(approved(eur(10_000))).when(capture("c1", eur(100))),
                    "payment.authorization-expired");
        }

        @Test
        void refuses_after_the_hold_expired() {
            expectRejected(fixture.given(approved(eur(10_000)))
                    .andGiven(new AuthorizationExpired(PAYMENT_ID, eur(10_000), EXPIRY))
                    .when(capture("c1", eur(100))), "payment.authorization-expired");
        }

        @Test
        void the_fee_is_never_more_than_the_capture() {
            fixture.given(approved(eur(10_000)))
                    .when(capture("c1", eur(20)))
                    .expectEvents(new PaymentCaptured(PAYMENT_ID, "c1", eur(20), eur(20), NOW));
        }

        @Test
        void refuses_a_capture_of_an_unknown_payment() {
            fixture.givenNoPriorActivity()
                    .when(capture("c1", eur(100)))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class Voiding {

        @Test
        void releases_the_whole_hold_before_any_capture() {
            fixture.given(approved(eur(10_000)))
                    .when(new VoidPayment(PAYMENT_ID, "customer cancelled"))
                    .expectEvents(new PaymentVoided(PAYMENT_ID, eur(10_000), "customer cancelled", NOW));
        }

        @Test
        void refuses_after_a_capture() {
            expectRejected(fixture.given(approved(eur(10_000)))
                    .andGivenCommands(capture("c1", eur(100)))
                    .when(new VoidPayment(PAYMENT_ID, "customer cancelled")), "payment.void-after-capture");
        }

        @Test
        void refuses_a_second_void() {
            expectRejected(fixture.given(approved(eur(10_000)))
                    .andGiven(new PaymentVoided(PAYMENT_ID, eur(10_000), "customer cancelled", NOW))
                    .when(new VoidPayment(PAYMENT_ID, "again")), "payment.voided");
        }

        @Test
        void refuses_while_the_provider_has_not_answered() {
            expectRejected(fixture.given(requested(eur(10_000)))
                    .when(new VoidPayment(PAYMENT_ID, "customer cancelled")), "payment.authorization-pending");
        }

        @Test
        void refuses_a_declined_authorization() {
            expectRejected(fixture.given(requested(eur(10_000)), new PaymentDeclined(PAYMENT_ID, "stolen-card", NOW))
                    .when(new VoidPayment(PAYMENT_ID, "customer cancelled")), "payment.not-authorized");
        }

        @Test
        void refuses_an_expired_hold() {
            expectRejected(fixture.given(approved(eur(10_000)))
                    .andGiven(new AuthorizationExpired(PAYMENT_ID, eur(10_000), EXPIRY))
                    .when(new VoidPayment(PAYMENT_ID, "customer cancelled")), "payment.authorization-expired");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void needs_a_reason(String reason) {
            expectRejected(fixture.given(approved(eur(10_000))).when(new VoidPayment(PAYMENT_ID, reason)),
                    "payment.reason-invalid");
        }
    }

    @Nested
    class Refunding {

        @Test
        void refunds_part_of_a_capture_with_its_share_of_the_fee() {
            // captured 4,000 with a fee of 146; a quarter back returns floor(146 / 4) = 36 of it
            fixture.given(approved(eur(10_000)))
                    .andGivenCommands(capture("c1", eur(4_000)))
                    .when(refund("r1", eur(1_000)))
                    .expectEvents(new PaymentRefunded(PAYMENT_ID, "r1", eur(1_000), eur(36), "returned", NOW));
        }

        @Test
        void several_refunds_up_to_the_captured_amount_return_every_fee_exactly() {
            // 36 + 36 + 37 + 37 = 146: computed on the totals, rounding never drifts
            fixture.given(approved(eur(10_000)))
                    .andGivenCommands(capture("c1", eur(4_000)), refund("r1", eur(1_000)), refund("r2", eur(1_000)),
                            refund("r3", eur(1_000)))
                    .when(refund("r4", eur(1_000)))
                    .expectEvents(new PaymentRefunded(PAYMENT_ID, "r4", eur(1_000), eur(37), "returned", NOW));
        }

        @Test
        void refuses_to_refund_more_than_was_captured() {
            expectRejected(fixture.given(approved(eur(10_000)))
                    .andGivenCommands(capture("c1", eur(4_000)), refund("r1", eur(3_000)))
                    .when(refund("r2", eur(1_001))), "payment.refund-exceeds-captured");
        }

        @Test
        void refuses_when_nothing_was_captured() {
            expectRejected(fixture.given(approved(eur(10_000))).when(refund("r1", eur(100))),
                    "payment.nothing-captured");
        }

        @Test
        void the_same_refund_twice_pays_back_once() {
            fixture.given(approved(eur(10_000)))
                    .andGivenCommands(capture("c1", eur(4_000)), refund("r1", eur(1_000)))
                    .when(refund("r1", eur(1_000)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refuses_a_refund_id_reused_for_another_amount() {
            expectRejected(fixture.given(approved(eur(10_000)))
                    .andGivenCommands(capture("c1", eur(4_000)), refund("r1", eur(1_000)))
                    .when(refund("r1", eur(999))), "payment.refund-id-taken");
        }

        @Test
        void refuses_another_currency() {
            expectRejected(fixture.given(approved(eur(10_000)))
                    .andGivenCommands(capture("c1", eur(4_000)))
                    .when(new RefundPayment(PAYMENT_ID, "r1", new Money(100, "USD"), "returned")),
                    "payment.currency-mismatch");
        }

        @Test
        void refuses_a_voided_payment() {
            expectRejected(fixture.given(approved(eur(10_000)))
                    .andGiven(new PaymentVoided(PAYMENT_ID, eur(10_000), "customer cancelled", NOW))
                    .when(refund("r1", eur(100))), "payment.voided");
        }

        @Test
        void refuses_while_the_provider_has_not_answered() {
            expectRejected(fixture.given(requested(eur(10_000))).when(refund("r1", eur(100))),
                    "payment.authorization-pending");
        }

        @Test
        void still_refunds_after_the_hold_expired() {
            fixture.given(approved(eur(10_000)))
                    .andGivenCommands(capture("c1", eur(4_000)))
                    .andGiven(new AuthorizationExpired(PAYMENT_ID, eur(6_000), EXPIRY))
                    .when(refund("r1", eur(4_000)))
                    .expectEvents(new PaymentRefunded(PAYMENT_ID, "r1", eur(4_000), eur(146), "returned", NOW));
        }

        @ParameterizedTest
        @NullAndEmptySource
        void needs_a_reason(String reason) {
            expectRejected(fixture.given(approved(eur(10_000)))
                    .andGivenCommands(capture("c1", eur(4_000)))
                    .when(new RefundPayment(PAYMENT_ID, "r1", eur(100), reason)), "payment.reason-invalid");
        }
    }

    @Nested
    class Expiring {

        @Test
        void releases_the_whole_hold_when_nothing_was_captured() {
            expiryAfter()
                    .expectTriggeredDeadlinesWithName(Payment.EXPIRY_DEADLINE)
                    .expectEvents(new AuthorizationExpired(PAYMENT_ID, eur(10_000), EXPIRY));
        }

        @Test
        void releases_what_a_partial_capture_left() {
            expiryAfter(capture("c1", eur(4_000)))
                    .expectEvents(new AuthorizationExpired(PAYMENT_ID, eur(6_000), EXPIRY));
        }

        @Test
        void does_nothing_once_everything_was_captured() {
            expiryAfter(capture("c1", eur(10_000)))
                    .expectTriggeredDeadlinesWithName(Payment.EXPIRY_DEADLINE)
                    .expectNoEvents();
        }

        @Test
        void does_nothing_after_a_void() {
            expiryAfter(new VoidPayment(PAYMENT_ID, "customer cancelled"))
                    .expectTriggeredDeadlinesWithName(Payment.EXPIRY_DEADLINE)
                    .expectNoEvents();
        }

        @Test
        void does_nothing_after_a_refund_released_the_rest() {
            expiryAfter(capture("c1", eur(4_000)), refund("r1", eur(4_000)))
                    .expectTriggeredDeadlinesWithName(Payment.EXPIRY_DEADLINE)
                    .expectNoEvents();
        }

        /**
         * Approves at NOW, runs {@code commands}, then lets the hold period pass; the deadline
         * manager and the aggregate's clock move together.
         */
        private ResultValidator<Payment> expiryAfter(Object... commands) {
            TestExecutor<Payment> executor = fixture.givenCurrentTime(NOW)
                    .andGivenCommands(authorize(eur(10_000)), outcome(AuthorizationOutcome.APPROVED, null))
                    .andGivenCommands(commands);
            clock.moveTo(EXPIRY);
            return executor.whenThenTimeElapses(HOLD);
        }
    }

    // --- test data ----------------------------------------------------------------------------

    private static void expectRejected(ResultValidator<Payment> result, String code) {
        result.expectException(violating(code)).expectNoEvents();
    }

    private static AuthorizePayment authorize(Money amount) {
        return new AuthorizePayment(PAYMENT_ID, ORDER_ID, CUSTOMER_ID, MERCHANT_ID, amount, CARD);
    }

    private static PaymentAuthorizationRequested requested(Money amount) {
        return new PaymentAuthorizationRequested(PAYMENT_ID, ORDER_ID, CUSTOMER_ID, MERCHANT_ID, amount, CARD, NOW);
    }

    private static PaymentAuthorized authorized(Money amount) {
        return new PaymentAuthorized(PAYMENT_ID, amount, "psp_ref_1", NOW, EXPIRY);
    }

    private static Object[] approved(Money amount) {
        return new Object[]{requested(amount), authorized(amount)};
    }

    private static RecordAuthorizationOutcome outcome(AuthorizationOutcome outcome, String reason) {
        return new RecordAuthorizationOutcome(PAYMENT_ID, outcome, "psp_ref_1", reason);
    }

    private static CapturePayment capture(String captureId, Money amount) {
        return new CapturePayment(PAYMENT_ID, captureId, amount);
    }

    private static RefundPayment refund(String refundId, Money amount) {
        return new RefundPayment(PAYMENT_ID, refundId, amount, "returned");
    }

    private static Money eur(long cents) {
        return new Money(cents, "EUR");
    }

    /** The aggregate reads business time from the clock; tests move it to where the deadline fires. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void moveTo(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
