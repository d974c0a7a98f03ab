package io.pantrade.kernel.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.pantrade.kernel.Uuids;

import java.util.UUID;

public record OrderId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public OrderId {
        value = Uuids.requireUuid(value, "order id");
    }

    public static OrderId random() {
        return new OrderId(UUID.randomUUID().toString());
    }

    /** Axon uses toString() as the aggregate identifier, so it must be the bare UUID. */
    @Override
    public String toString() {
        return value;
    }
}
