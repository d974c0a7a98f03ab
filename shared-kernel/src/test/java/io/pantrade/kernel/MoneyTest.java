package io.pantrade.kernel;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Examples run on Jupiter, properties on jqwik; both engines run under Surefire. */
class MoneyTest {

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    // --- examples -----------------------------------------------------------------------------

    @Test
    void adds_amounts_of_one_currency() {
        assertThat(eur(150).plus(eur(225))).isEqualTo(eur(375));
    }

    @Test
    void multiplies_by_a_quantity() {
        assertThat(eur(250).times(3)).isEqualTo(eur(750));
    }

    @Test
    void zero_is_the_neutral_element() {
        assertThat(Money.zero("EUR").plus(eur(42))).isEqualTo(eur(42));
    }

    @Test
    void throws_instead_of_wrapping_at_the_edges() {
        assertThatThrownBy(() -> eur(Long.MAX_VALUE).plus(eur(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> eur(Long.MIN_VALUE).plus(eur(-1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> eur(Long.MAX_VALUE).times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> eur(Long.MIN_VALUE).times(-1)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void does_not_combine_different_currencies() {
        assertThatThrownBy(() -> eur(1).plus(new Money(1, "USD"))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EUR", "JPY", "USD", "CHF"})
    void accepts_iso_4217_codes(String code) {
        assertThatCode(() -> new Money(1, code)).doesNotThrowAnyException();
        assertThat(Money.isIsoCurrency(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"EURO", "eur", "Eur", "XYZ", "EU", "", " EUR", "€"})
    void rejects_anything_else(String code) {
        assertThatThrownBy(() -> new Money(1, code)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.isIsoCurrency(code)).isFalse();
    }

    @Test
    void rejects_a_missing_currency() {
        assertThatThrownBy(() -> new Money(1, null)).isInstanceOf(NullPointerException.class);
        assertThat(Money.isIsoCurrency(null)).isFalse();
    }

    // --- properties ---------------------------------------------------------------------------

    @Property
    void plus_is_commutative_where_it_does_not_overflow(@ForAll("amounts") long a, @ForAll("amounts") long b) {
        Assume.that(fits(big(a).add(big(b))));

        assertThat(eur(a).plus(eur(b))).isEqualTo(eur(b).plus(eur(a)));
    }

    @Property
    void plus_is_associative_where_it_does_not_overflow(@ForAll("amounts") long a,
                                                        @ForAll("amounts") long b,
                                                        @ForAll("amounts") long c) {
        Assume.that(fits(big(a).add(big(b))) && fits(big(b).add(big(c))) && fits(big(a).add(big(b)).add(big(c))));

        assertThat(eur(a).plus(eur(b)).plus(eur(c))).isEqualTo(eur(a).plus(eur(b).plus(eur(c))));
    }

    @Property
    void plus_is_exact_or_throws_exactly_when_the_sum_leaves_the_long_range(@ForAll("amounts") long a,
                                                                             @ForAll("amounts") long b) {
        BigInteger exact = big(a).add(big(b));
        Statistics.label("overflows").collect(!fits(exact));

        if (fits(exact)) {
            assertThat(eur(a).plus(eur(b)).amountMinor()).isEqualTo(exact.longValueExact());
        } else {
            assertThatThrownBy(() -> eur(a).plus(eur(b))).isInstanceOf(ArithmeticException.class);
        }

        Statistics.label("overflows").coverage(coverage -> {
            coverage.check(true).count(n -> n > 0);
            coverage.check(false).count(n -> n > 0);
        });
    }

    @Property
    void minus_undoes_plus_or_throws_exactly_when_the_difference_leaves_the_long_range(@ForAll("amounts") long a,
                                                                                       @ForAll("amounts") long b) {
        BigInteger exact = big(a).subtract(big(b));

        if (fits(exact)) {
            assertThat(eur(a).minus(eur(b)).amountMinor()).isEqualTo(exact.longValueExact());
            Assume.that(fits(exact.add(big(b))));
            assertThat(eur(a).minus(eur(b)).plus(eur(b))).isEqualTo(eur(a));
        } else {
            assertThatThrownBy(() -> eur(a).minus(eur(b))).isInstanceOf(ArithmeticException.class);
        }
    }

    @Property
    void times_is_exact_or_throws_exactly_when_the_product_leaves_the_long_range(@ForAll("amounts") long amount,
                                                                                  @ForAll("amounts") long factor) {
        BigInteger exact = big(amount).multiply(big(factor));
        Statistics.label("overflows").collect(!fits(exact));

        if (fits(exact)) {
            assertThat(eur(amount).times(factor).amountMinor()).isEqualTo(exact.longValueExact());
        } else {
            assertThatThrownBy(() -> eur(amount).times(factor)).isInstanceOf(ArithmeticException.class);
        }

        Statistics.label("overflows").coverage(coverage -> {
            coverage.check(true).count(n -> n > 0);
            coverage.check(false).count(n -> n > 0);
        });
    }

    @Property
    void different_currencies_never_combine(@ForAll("currencies") String one, @ForAll("currencies") String other,
                                            @ForAll("amounts") long a, @ForAll("amounts") long b) {
        Assume.that(!one.equals(other));

        assertThatThrownBy(() -> new Money(a, one).plus(new Money(b, other)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void times_keeps_the_currency(@ForAll("currencies") String currency, @ForAll int factor) {
        assertThat(new Money(3, currency).times(factor).currency()).isEqualTo(currency);
    }

    /** Mostly small amounts (no overflow), some from the whole long range and its edges (overflow). */
    @Provide
    Arbitrary<Long> amounts() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs()),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, 0L, 1L,
                        Long.MAX_VALUE - 1, Long.MAX_VALUE, 1L << 32, 3_037_000_500L)));
    }

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of(Currency.getAvailableCurrencies()).map(Currency::getCurrencyCode);
    }

    private static Money eur(long cents) {
        return new Money(cents, "EUR");
    }

    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }

    private static boolean fits(BigInteger value) {
        return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0;
    }
}
