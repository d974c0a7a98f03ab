package io.pantrade.kernel.delivery;

public enum DeliveryStatus {
    /** created, no courier holds it */
    AWAITING_COURIER,
    /** a courier was assigned and has not accepted yet */
    ASSIGNED,
    ACCEPTED,
    PICKED_UP,
    DELIVERED,
    FAILED,
    CANCELLED;

    public boolean isFinished() {
        return this == DELIVERED || this == FAILED || this == CANCELLED;
    }
}
