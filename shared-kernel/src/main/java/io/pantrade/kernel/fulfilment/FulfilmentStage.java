package io.pantrade.kernel.fulfilment;

/** Where an order's fulfilment stands, as its timeline shows it. */
public enum FulfilmentStage {
    AWAITING_PAYMENT,
    AWAITING_COURIER,
    COURIER_ASSIGNED,
    PICKED_UP,
    DELIVERED,
    COMPLETED,
    CANCELLED
}
