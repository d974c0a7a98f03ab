package io.pantrade.command.payment.card;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CardNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "5555555555554444", "378282246310005", "6011111111111117",
            "36227206271667", "4012888888881881", "79927398713"})
    void luhn_accepts_valid_numbers(String number) {
        assertThat(Luhn.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111112", "4111111111111121", "5555555555554443", "378282246310015",
            "6011111111111107", "79927398710"})
    void luhn_refuses_a_number_with_one_digit_off(String number) {
        assertThat(Luhn.isValid(number)).isFalse();
    }

    @Test
    void luhn_refuses_non_digits_and_nothing() {
        assertThat(Luhn.isValid("")).isFalse();
        assertThat(Luhn.isValid("4111 1111 1111 1111")).isFalse();
        assertThat(Luhn.isValid("411111111111111a")).isFalse();
    }

    @Test
    void twelve_and_nineteen_digits_are_accepted() {
        assertThat(CardNumber.parse("411111111117").digits()).hasSize(12);
        assertThat(CardNumber.parse("4111111111111111110").digits()).hasSize(19);
    }

    @Test
    void eleven_and_twenty_digits_are_refused_even_with_a_valid_check_digit() {
        assertThat(Luhn.isValid("41111111112")).isTrue();
        assertThat(Luhn.isValid("41111111111111111115")).isTrue();

        assertRefused("41111111112", "must have 12 to 19 digits");
        assertRefused("41111111111111111115", "must have 12 to 19 digits");
    }

    @Test
    void spaces_and_dashes_between_digit_groups_are_stripped() {
        assertThat(CardNumber.parse("4111 1111 1111 1111").digits()).isEqualTo("4111111111111111");
        assertThat(CardNumber.parse("3782-822463-10005").digits()).isEqualTo("378282246310005");
        assertThat(CardNumber.parse(" 4111-1111 1111-1111 ")).isEqualTo(CardNumber.parse("4111111111111111"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111.1111.1111.1111", "4111111111111111x", "４１１１１１１１１１１１１１１１",
            "4111\t1111\t1111\t1111", "+4111111111111111", "٤١١١١١١١١١١١١١١١"})
    void anything_else_than_digits_spaces_and_dashes_is_refused(String number) {
        assertRefused(number, "must contain only digits, optionally grouped with spaces or dashes");
    }

    @Test
    void a_check_digit_mismatch_is_refused() {
        assertRefused("4111111111111112", "is not a valid card number: its check digit does not match");
    }

    @Test
    void no_number_is_refused() {
        assertThatThrownBy(() -> CardNumber.parse(null)).hasMessage("is required");
    }

    @ParameterizedTest
    @CsvSource({
            "4111111111111111, visa", "4000056655665556, visa",
            "5555555555554444, mastercard", "5105105105105100, mastercard", "2221000000000009, mastercard",
            "2223003122003222, mastercard", "2720999999999996, mastercard",
            "378282246310005, amex", "371449635398431, amex",
            "6011111111111117, discover", "6450000000000002, discover", "65000000000002, discover",
            "3530111333300000, jcb", "3590000000000000, unknown", "3527000000000008, unknown",
            "6200000000000005, unionpay", "6221000000000000, unionpay",
            "36227206271667, diners", "30569309025904, diners", "38000000000006, diners",
            "3060000000001, unknown", "2721000000000004, unknown", "2220999999999991, unknown",
            "6430000000000007, unknown", "5600000000000003, unknown", "999999999999994, unknown"})
    void the_brand_comes_from_the_leading_digits(String number, String brand) {
        assertThat(CardNumber.parse(number).brand().code()).isEqualTo(brand);
    }

    @Test
    void last4_are_the_last_four_digits() {
        assertThat(CardNumber.parse("3782 822463 10005").last4()).isEqualTo("0005");
    }

    @Test
    void to_string_shows_only_brand_and_last_four() {
        CardNumber number = CardNumber.parse("4111111111111111");

        assertThat(number.toString()).isEqualTo("CardNumber[visa ending 1111]").doesNotContain("411111");
    }

    private static void assertRefused(String number, String message) {
        assertThatThrownBy(() -> CardNumber.parse(number))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message)
                .hasMessageNotContaining(number.strip());
    }
}
