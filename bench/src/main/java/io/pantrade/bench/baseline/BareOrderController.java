package io.pantrade.bench.baseline;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the same order body the engine takes and sends one command for it. */
@RestController
class BareOrderController {

    record Price(long amountMinor, String currency) {
    }

    record Line(String sku, int quantity, Price unitPrice) {
    }

    record OrderBody(String customerId, List<Line> lines, Map<String, String> deliveryAddress) {
    }

    record Created(String orderId) {
    }

    private final CommandGateway commandGateway;

    BareOrderController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @PostMapping("/bare/orders")
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody OrderBody body) {
        String id = UUID.randomUUID().toString();
        long total = body.lines().stream().mapToLong(l -> l.quantity() * l.unitPrice().amountMinor()).sum();
        commandGateway.sendAndWait(new Thing.CreateThing(id, body.customerId(), body.lines().size(), total));
        return new Created(id);
    }
}
