package io.pantrade.web;

import io.pantrade.kernel.Money;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** Money as clients send it: integer minor units and an ISO 4217 code, never a decimal. */
public record MoneyBody(@NotNull @PositiveOrZero Long amountMinor, @NotNull @IsoCurrency String currency) {

    public Money toMoney() {
        return new Money(amountMinor, currency);
    }
}
