package io.pantrade.kernel.order;

import io.pantrade.kernel.Money;

public record OrderLine(String sku, int quantity, Money unitPrice) {

    /** @throws ArithmeticException if quantity × unit price does not fit in a long */
    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
