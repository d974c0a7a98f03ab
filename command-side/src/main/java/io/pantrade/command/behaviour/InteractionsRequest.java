package io.pantrade.command.behaviour;

import io.pantrade.command.order.OrderLimits;
import io.pantrade.web.Uuid;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * A client app's batch of interactions. {@code customerId} at the top applies to every interaction
 * that does not name its own. The rules that depend on the type or the clock are checked by
 * {@link InteractionsController}, which names the interaction at fault the same way.
 */
record InteractionsRequest(@Uuid String customerId,
                           @NotEmpty @Size(max = MAX_INTERACTIONS) List<@NotNull @Valid Interaction> interactions) {

    static final int MAX_INTERACTIONS = 500;

    enum Type { VIEW, ADD_TO_CART, RATING }

    /** @param quantity for ADD_TO_CART only (default 1); @param rating 1 to 5, for RATING only; @param at default now */
    record Interaction(@NotNull Type type,
                       @Uuid String customerId,
                       @NotBlank @Size(max = OrderLimits.MAX_SKU_LENGTH) String sku,
                       @Min(OrderLimits.MIN_QUANTITY) @Max(OrderLimits.MAX_QUANTITY) Integer quantity,
                       @Min(1) @Max(5) Integer rating,
                       Instant at) {
    }
}
