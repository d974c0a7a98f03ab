package io.pantrade.saga.fulfilment;

import java.time.Duration;

/**
 * How long an order's fulfilment waits at each step before it acts: for the provider's answer to
 * the authorization, for a courier to be assigned, for the assigned courier to pick the parcel up,
 * and for the parcel to arrive. {@code pickupAttempts} is how many couriers in turn may let the
 * pickup deadline pass before the order is given up.
 */
public record FulfilmentTimeouts(Duration paymentOutcome,
                                 Duration courierAssignment,
                                 Duration pickup,
                                 Duration delivery,
                                 int pickupAttempts) {

    public FulfilmentTimeouts {
        requirePositive(paymentOutcome, "payment-outcome");
        requirePositive(courierAssignment, "courier-assignment");
        requirePositive(pickup, "pickup");
        requirePositive(delivery, "delivery");
        if (pickupAttempts < 1) {
            throw new IllegalArgumentException("pickup-attempts must be at least 1");
        }
    }

    private static void requirePositive(Duration timeout, String name) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the " + name + " timeout must be positive");
        }
    }
}
