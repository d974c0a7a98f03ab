package io.pantrade.kernel.payment;

import io.pantrade.kernel.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeesTest {

    @Test
    void a_refund_returns_the_fee_share_of_what_was_refunded_rounded_down() {
        // 10,000 captured with 290 kept: a refund of a third returns floor(290 / 3) = 96
        assertThat(returned(3_333, 10_000, 290, 0, 0)).isEqualTo(eur(96));
    }

    @Test
    void the_refund_that_completes_a_full_refund_returns_every_fee_left() {
        long first = returned(3_333, 10_000, 290, 0, 0).amountMinor();
        long second = returned(3_333, 10_000, 290, 3_333, first).amountMinor();
        long last = returned(3_334, 10_000, 290, 6_666, first + second).amountMinor();

        assertThat(first + second + last).isEqualTo(290);
    }

    @Test
    void fees_already_returned_are_not_taken_back_when_a_cheaper_capture_lowers_the_ratio() {
        // 100 captured with 10 fee, fully refunded (10 returned); then 50 more captured with no fee
        assertThat(returned(10, 150, 10, 100, 10)).isEqualTo(eur(0));
        assertThat(returned(50, 150, 10, 100, 10)).isEqualTo(eur(0));
    }

    @Test
    void amounts_no_valid_payment_has_are_refused() {
        assertThatThrownBy(() -> returned(101, 100, 10, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> returned(10, 100, 101, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> returned(10, 100, 10, 0, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> returned(-1, 100, 10, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fees.returnedWith(eur(1), new Money(100, "USD"), eur(1), eur(0), eur(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void after_every_refund_the_fees_returned_in_all_are_the_pro_rata_share_rounded_down(
            @ForAll("captures") Capture capture, @ForAll("refundParts") List<Integer> parts) {
        long refunded = 0;
        long feesReturned = 0;
        for (long refund : refunds(capture.amount(), parts)) {
            long back = returned(refund, capture.amount(), capture.fee(), refunded, feesReturned).amountMinor();
            assertThat(back).isBetween(0L, refund);
            refunded += refund;
            feesReturned += back;
            assertThat(feesReturned).isEqualTo(Math.floorDiv(capture.fee() * refunded, capture.amount()));
            assertThat(refunded - feesReturned).as("the merchant pays back at most what it was paid")
                    .isLessThanOrEqualTo(capture.amount() - capture.fee());
        }
        if (refunded == capture.amount()) {
            assertThat(feesReturned).isEqualTo(capture.fee());
        }
    }

    @Provide
    Arbitrary<Capture> captures() {
        return Arbitraries.longs().between(1, 10_000_000).flatMap(amount ->
                Arbitraries.longs().between(0, amount).map(fee -> new Capture(amount, fee)));
    }

    @Provide
    Arbitrary<List<Integer>> refundParts() {
        return Combinators.combine(Arbitraries.integers().between(1, 100).list().ofMaxSize(8),
                Arbitraries.of(true, false)).as((parts, toTheEnd) -> {
                    List<Integer> all = new java.util.ArrayList<>(parts);
                    if (toTheEnd) {
                        all.add(0);
                    }
                    return all;
                });
    }

    /** Each part is a percentage of what is left to refund; 0 refunds all that is left. */
    private static List<Long> refunds(long captured, List<Integer> parts) {
        List<Long> refunds = new java.util.ArrayList<>();
        long left = captured;
        for (int part : parts) {
            long refund = part == 0 ? left : Math.max(1, left * part / 100);
            if (refund == 0 || left == 0) {
                break;
            }
            refunds.add(refund);
            left -= refund;
        }
        return refunds;
    }

    private static Money returned(long refund, long captured, long fees, long refundedBefore, long feesReturnedBefore) {
        return Fees.returnedWith(eur(refund), eur(captured), eur(fees), eur(refundedBefore), eur(feesReturnedBefore));
    }

    private static Money eur(long cents) {
        return new Money(cents, "EUR");
    }

    record Capture(long amount, long fee) {
    }
}
