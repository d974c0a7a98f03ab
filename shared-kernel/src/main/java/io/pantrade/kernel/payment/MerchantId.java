package io.pantrade.kernel.payment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.pantrade.kernel.Uuids;

public record MerchantId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public MerchantId {
        value = Uuids.requireUuid(value, "merchant id");
    }

    @Override
    public String toString() {
        return value;
    }
}
