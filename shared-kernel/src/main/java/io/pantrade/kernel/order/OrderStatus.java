package io.pantrade.kernel.order;

public enum OrderStatus {
    PLACED, CANCELLED, COMPLETED
}
