package io.pantrade.command.payment.card;

import io.pantrade.kernel.customer.CustomerId;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;

/**
 * Registering a card is a command; reading a vault entry back stays beside it, since the vault is
 * a command-side store and no read model ever holds a card.
 */
@RestController
@RequestMapping(path = "/api/payment-methods/cards", produces = MediaType.APPLICATION_JSON_VALUE)
class CardController {

    private final CardVault vault;
    private final Clock clock;

    CardController(CardVault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CardDescription> register(@Valid @RequestBody RegisterCardRequest request) {
        CardDescription registered = vault.register(new CustomerId(request.customerId()), request.toCard(clock));
        return ResponseEntity.created(URI.create("/api/payment-methods/cards/" + registered.token())).body(registered);
    }

    @GetMapping("/{token}")
    CardDescription describe(@PathVariable String token) {
        return vault.find(token);
    }
}
