package io.pantrade.kernel.order;

public enum OrderStatus {
    PLACED, CANCELLED, COMPLETED;

    /** Whether the order can no longer change: a cancelled or completed order stays as it is. */
    public boolean isFinal() {
        return this != PLACED;
    }
}
