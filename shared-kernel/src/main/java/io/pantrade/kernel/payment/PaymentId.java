package io.pantrade.kernel.payment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.pantrade.kernel.Uuids;

public record PaymentId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PaymentId {
        value = Uuids.requireUuid(value, "payment id");
    }

    /** Axon uses toString() as the aggregate identifier, so it must be the bare UUID. */
    @Override
    public String toString() {
        return value;
    }
}
