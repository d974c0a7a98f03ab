package io.pantrade.kernel.delivery;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.pantrade.kernel.Uuids;

import java.util.UUID;

public record DeliveryId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DeliveryId {
        value = Uuids.requireUuid(value, "delivery id");
    }

    public static DeliveryId random() {
        return new DeliveryId(UUID.randomUUID().toString());
    }

    /** Axon uses toString() as the aggregate identifier, so it must be the bare UUID. */
    @Override
    public String toString() {
        return value;
    }
}
