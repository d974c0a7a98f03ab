package io.pantrade.command.delivery;

import io.pantrade.kernel.delivery.AssignCourier;
import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.delivery.ReassignCourier;
import io.pantrade.web.Uuid;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.pantrade.command.delivery.DeliveryPaths.delivery;

/**
 * Giving deliveries to couriers: what the dispatcher does, and what an operator may do by hand.
 * The courier must be on shift with room for the parcel, or the delivery stays as it was.
 */
@RestController
@RequestMapping(path = "/api/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
class DeliveryCommandController {

    private final CommandGateway commands;

    DeliveryCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping(path = "/{deliveryId}/assign", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DeliveryReceipt> assign(@PathVariable String deliveryId, @Valid @RequestBody CourierRequest request) {
        DeliveryId id = delivery(deliveryId);
        commands.sendAndWait(new AssignCourier(id, new CourierId(request.courierId())));
        return DeliveryReceipt.accepted(id);
    }

    @PostMapping(path = "/{deliveryId}/reassign", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DeliveryReceipt> reassign(@PathVariable String deliveryId, @Valid @RequestBody CourierRequest request) {
        DeliveryId id = delivery(deliveryId);
        commands.sendAndWait(new ReassignCourier(id, new CourierId(request.courierId())));
        return DeliveryReceipt.accepted(id);
    }

    record CourierRequest(@NotNull @Uuid String courierId) {
    }
}
