package io.pantrade.kernel.delivery;

/** Answered with a {@link CourierView}, or {@code null} when no such courier is known. */
public record FindCourier(CourierId courierId) {
}
