package io.pantrade.command.behaviour;

import io.pantrade.command.behaviour.InteractionsRequest.Interaction;
import io.pantrade.command.behaviour.InteractionsRequest.Type;
import io.pantrade.kernel.behaviour.ProductAddedToCart;
import io.pantrade.kernel.behaviour.ProductCatalogued;
import io.pantrade.kernel.behaviour.ProductRated;
import io.pantrade.kernel.behaviour.ProductViewed;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.command.order.OrderLimits;
import io.pantrade.web.InvalidFieldException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What client apps tell about their customers' behaviour, and the catalogue's categories. These are
 * facts with no aggregate to decide on them: checked here and published as events, a batch in one
 * unit of work (all of it is stored, or none).
 */
@RestController
class InteractionsController {

    private final EventGateway events;
    private final Clock clock;
    private final Duration clockSkew;

    InteractionsController(EventGateway events, Clock clock, InteractionsSettings settings) {
        this.events = events;
        this.clock = clock;
        this.clockSkew = settings.clockSkew();
    }

    @PostMapping(path = "/api/interactions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Recorded> record(@Valid @RequestBody InteractionsRequest request) {
        Instant now = clock.instant();
        List<Object> recorded = new ArrayList<>();
        for (int index = 0; index < request.interactions().size(); index++) {
            recorded.add(eventOf(request.interactions().get(index), request.customerId(), now,
                    "interactions[" + index + "]."));
        }
        events.publish(recorded);
        return ResponseEntity.accepted().body(new Recorded(recorded.size()));
    }

    @PostMapping(path = "/api/products", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Catalogued> catalogue(@Valid @RequestBody CatalogueRequest request) {
        events.publish(new ProductCatalogued(request.sku(), request.name(), request.category()));
        return ResponseEntity.accepted().body(new Catalogued(request.sku()));
    }

    private Object eventOf(Interaction interaction, String batchCustomer, Instant now, String field) {
        String customer = interaction.customerId() != null ? interaction.customerId() : batchCustomer;
        if (customer == null) {
            throw new InvalidFieldException(field + "customerId", "is required, here or for the whole batch");
        }
        Instant at = interaction.at() == null ? now : interaction.at();
        if (at.isAfter(now.plus(clockSkew))) {
            throw new InvalidFieldException(field + "at", "must not be in the future");
        }
        if (interaction.type() != Type.RATING && interaction.rating() != null) {
            throw new InvalidFieldException(field + "rating", "is for RATING interactions only");
        }
        if (interaction.type() != Type.ADD_TO_CART && interaction.quantity() != null) {
            throw new InvalidFieldException(field + "quantity", "is for ADD_TO_CART interactions only");
        }
        CustomerId customerId = new CustomerId(customer);
        return switch (interaction.type()) {
            case VIEW -> new ProductViewed(customerId, interaction.sku(), at);
            case ADD_TO_CART -> new ProductAddedToCart(customerId, interaction.sku(),
                    interaction.quantity() == null ? 1 : interaction.quantity(), at);
            case RATING -> {
                if (interaction.rating() == null) {
                    throw new InvalidFieldException(field + "rating", "is required for a RATING");
                }
                yield new ProductRated(customerId, interaction.sku(), interaction.rating(), at);
            }
        };
    }

    record CatalogueRequest(@NotBlank @Size(max = OrderLimits.MAX_SKU_LENGTH) String sku,
                            @NotBlank @Size(max = 200) String name,
                            @NotBlank @Size(max = 100) String category) {
    }

    record Recorded(int recorded) {
    }

    record Catalogued(String sku) {
    }
}
