package io.pantrade.command.payment;

import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.payment.AuthorizationOutcome;
import io.pantrade.kernel.payment.AuthorizePayment;
import io.pantrade.kernel.payment.CapturePayment;
import io.pantrade.kernel.payment.CardReference;
import io.pantrade.kernel.payment.MerchantId;
import io.pantrade.kernel.payment.PaymentCaptured;
import io.pantrade.kernel.payment.PaymentId;
import io.pantrade.kernel.payment.PaymentRefunded;
import io.pantrade.kernel.payment.RecordAuthorizationOutcome;
import io.pantrade.kernel.payment.RefundPayment;
import io.pantrade.kernel.payment.VoidPayment;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.AxonAssertionError;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any sequence of captures, refunds and voids, valid or not, sent to the real aggregate: whatever it
 * accepts keeps captures within the authorization, refunds within captures, returned fees within
 * fees, and never asks the merchant for more than it was paid.
 */
class PaymentPropertyTest {

    private static final PaymentId PAYMENT = new PaymentId("9a3e1c7d-2b4f-4e6a-8c1d-5f7a9b3c2e10");
    private static final long AUTHORIZED = 10_000;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-14T09:26:53Z"), ZoneOffset.UTC);
    private static final PaymentTerms TERMS = new PaymentTerms(Duration.ofDays(7), 1_000_000, 290, 30);

    @Property(tries = 60)
    void accepted_operations_never_break_the_money_rules(@ForAll("operations") @Size(max = 12) List<Object> operations) {
        List<Object> history = new ArrayList<>();
        history.add(new AuthorizePayment(PAYMENT, new OrderId("6f1c1e0a-3b7d-4f7e-9a51-0c2b8d4e5f60"),
                new CustomerId("0b9e2c4d-8a1f-4c3e-b6d7-1e2f3a4b5c6d"),
                new MerchantId("3c5d7e9f-1a2b-4c3d-8e4f-5a6b7c8d9e0f"), eur(AUTHORIZED),
                new CardReference("card_x", "visa", "4242")));
        history.add(new RecordAuthorizationOutcome(PAYMENT, AuthorizationOutcome.APPROVED, "psp_1", null));
        Totals totals = new Totals();
        for (Object operation : operations) {
            List<EventMessage<?>> produced = attempt(history, operation);
            if (produced != null) {
                history.add(operation);
                produced.forEach(event -> totals.add(event.getPayload()));
            }
            assertThat(totals.captured).isLessThanOrEqualTo(AUTHORIZED);
            assertThat(totals.refunded).isLessThanOrEqualTo(totals.captured);
            assertThat(totals.feesReturned).isBetween(0L, totals.fees);
            assertThat(totals.fees).isLessThanOrEqualTo(totals.captured);
            assertThat((totals.captured - totals.fees) - (totals.refunded - totals.feesReturned))
                    .as("what the merchant keeps").isNotNegative();
        }
        if (totals.refunded == totals.captured) {
            assertThat(totals.feesReturned).as("a full refund returns every fee").isEqualTo(totals.fees);
        }
    }

    @Provide
    Arbitrary<List<Object>> operations() {
        Arbitrary<Long> amounts = Arbitraries.longs().between(1, 6_000);
        Arbitrary<Object> capture = Combinators.combine(Arbitraries.strings().withChars("abc").ofLength(1), amounts)
                .as((id, amount) -> new CapturePayment(PAYMENT, id, eur(amount)));
        Arbitrary<Object> refund = Combinators.combine(Arbitraries.strings().withChars("xyz").ofLength(1), amounts)
                .as((id, amount) -> new RefundPayment(PAYMENT, id, eur(amount), "returned"));
        Arbitrary<Object> voidIt = Arbitraries.just(new VoidPayment(PAYMENT, "cancelled"));
        return Arbitraries.frequencyOf(
                Tuple.of(5, capture), Tuple.of(5, refund), Tuple.of(1, voidIt))
                .list();
    }

    /** @return the events the command produced, or {@code null} if the aggregate refused it */
    private static List<EventMessage<?>> attempt(List<Object> history, Object command) {
        AggregateTestFixture<Payment> fixture = new AggregateTestFixture<>(Payment.class);
        fixture.registerInjectableResource(TERMS);
        fixture.registerInjectableResource(CLOCK);
        ResultValidator<Payment> result = fixture.givenCommands(history).when(command);
        try {
            result.expectSuccessfulHandlerExecution();
        } catch (AxonAssertionError refused) {
            result.expectNoEvents();
            return null;
        }
        List<EventMessage<?>> produced = new ArrayList<>();
        result.expectEventsMatching(new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                ((List<?>) actual).forEach(event -> produced.add((EventMessage<?>) event));
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("any events");
            }
        });
        return produced;
    }

    private static Money eur(long cents) {
        return new Money(cents, "EUR");
    }

    private static final class Totals {
        long captured;
        long fees;
        long refunded;
        long feesReturned;

        void add(Object event) {
            if (event instanceof PaymentCaptured captured) {
                this.captured += captured.amount().amountMinor();
                this.fees += captured.fee().amountMinor();
            } else if (event instanceof PaymentRefunded refunded) {
                this.refunded += refunded.amount().amountMinor();
                this.feesReturned += refunded.feeReturned().amountMinor();
            }
        }
    }
}
