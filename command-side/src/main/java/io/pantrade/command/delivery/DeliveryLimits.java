package io.pantrade.command.delivery;

/** The fixed bounds of couriers and deliveries, shared by the API's input validation and the aggregates. */
final class DeliveryLimits {

    static final int MIN_CAPACITY = 1;
    static final int MAX_CAPACITY = 50;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_REASON_LENGTH = 500;
    static final int MAX_PROOF_REFERENCE_LENGTH = 200;

    private DeliveryLimits() {
    }
}
