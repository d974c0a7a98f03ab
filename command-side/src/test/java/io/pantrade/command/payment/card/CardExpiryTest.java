package io.pantrade.command.payment.card;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CardExpiryTest {

    private static final Clock MID_MAY_2030 = at("2030-05-15T12:00:00Z");

    @Test
    void a_card_expiring_this_month_is_valid() {
        assertThat(new CardExpiry(5, 2030).expiredAt(MID_MAY_2030)).isFalse();
    }

    @Test
    void a_card_is_valid_through_the_last_second_of_its_month_and_expired_the_next() {
        CardExpiry may2030 = new CardExpiry(5, 2030);

        assertThat(may2030.expiredAt(at("2030-05-31T23:59:59.999Z"))).isFalse();
        assertThat(may2030.expiredAt(at("2030-06-01T00:00:00Z"))).isTrue();
    }

    @Test
    void a_card_that_expired_last_month_or_last_year_is_expired() {
        assertThat(new CardExpiry(4, 2030).expiredAt(MID_MAY_2030)).isTrue();
        assertThat(new CardExpiry(12, 2029).expiredAt(MID_MAY_2030)).isTrue();
    }

    @Test
    void later_months_and_years_are_valid() {
        assertThat(new CardExpiry(6, 2030).expiredAt(MID_MAY_2030)).isFalse();
        assertThat(new CardExpiry(1, 2031).expiredAt(MID_MAY_2030)).isFalse();
    }

    @Test
    void month_13_and_month_0_are_refused() {
        assertThatThrownBy(() -> new CardExpiry(13, 2030)).hasMessage("expiry month must be 1 to 12");
        assertThatThrownBy(() -> new CardExpiry(0, 2030)).hasMessage("expiry month must be 1 to 12");
    }

    @Test
    void a_two_digit_year_is_refused() {
        assertThatThrownBy(() -> new CardExpiry(5, 30)).hasMessage("expiry year must be a four-digit year");
        assertThatThrownBy(() -> new CardExpiry(5, 10_000)).hasMessage("expiry year must be a four-digit year");
    }

    @Test
    void prints_as_on_the_card() {
        assertThat(new CardExpiry(5, 2030)).hasToString("05/2030");
    }

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
