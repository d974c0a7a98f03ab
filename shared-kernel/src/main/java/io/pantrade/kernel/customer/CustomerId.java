package io.pantrade.kernel.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.pantrade.kernel.Uuids;

public record CustomerId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CustomerId {
        value = Uuids.requireUuid(value, "customer id");
    }

    @Override
    public String toString() {
        return value;
    }
}
