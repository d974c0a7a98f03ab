package io.pantrade.kernel.behaviour;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.pantrade.kernel.Uuids;

public record ReturnId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ReturnId {
        value = Uuids.requireUuid(value, "return id");
    }

    /** Axon uses toString() as the aggregate identifier, so it must be the bare UUID. */
    @Override
    public String toString() {
        return value;
    }
}
