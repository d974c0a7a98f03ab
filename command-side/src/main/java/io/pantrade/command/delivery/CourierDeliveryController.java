package io.pantrade.command.delivery;

import io.pantrade.kernel.delivery.AcceptDelivery;
import io.pantrade.kernel.delivery.ConfirmDelivery;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.delivery.DeliveryProof;
import io.pantrade.kernel.delivery.FailDelivery;
import io.pantrade.kernel.delivery.PickUpDelivery;
import io.pantrade.kernel.delivery.UnassignCourier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.pantrade.command.delivery.DeliveryPaths.courier;
import static io.pantrade.command.delivery.DeliveryPaths.delivery;

import java.time.Clock;

/** What a courier does with a delivery given to them; only the courier it is assigned to may. */
@RestController
@RequestMapping(path = "/api/couriers/{courierId}/deliveries/{deliveryId}", produces = MediaType.APPLICATION_JSON_VALUE)
class CourierDeliveryController {

    static final String DECLINED = "declined by courier";

    private final CommandGateway commands;
    private final Clock clock;

    CourierDeliveryController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/accept")
    ResponseEntity<DeliveryReceipt> accept(@PathVariable String courierId, @PathVariable String deliveryId) {
        DeliveryId id = delivery(deliveryId);
        commands.sendAndWait(new AcceptDelivery(id, courier(courierId)));
        return DeliveryReceipt.accepted(id);
    }

    /** The delivery waits for another courier; the dispatcher will not wait for this one to change their mind. */
    @PostMapping("/decline")
    ResponseEntity<DeliveryReceipt> decline(@PathVariable String courierId, @PathVariable String deliveryId) {
        DeliveryId id = delivery(deliveryId);
        commands.sendAndWait(new UnassignCourier(id, courier(courierId), DECLINED));
        return DeliveryReceipt.accepted(id);
    }

    @PostMapping("/pick-up")
    ResponseEntity<DeliveryReceipt> pickUp(@PathVariable String courierId, @PathVariable String deliveryId) {
        DeliveryId id = delivery(deliveryId);
        commands.sendAndWait(new PickUpDelivery(id, courier(courierId)));
        return DeliveryReceipt.accepted(id);
    }

    /** The time of delivery is the server's, not the courier's phone's. The body is optional. */
    @PostMapping("/deliver")
    ResponseEntity<DeliveryReceipt> deliver(@PathVariable String courierId, @PathVariable String deliveryId,
                                            @Valid @RequestBody(required = false) ProofRequest request) {
        DeliveryId id = delivery(deliveryId);
        ProofRequest proof = request == null ? new ProofRequest(null, null) : request;
        commands.sendAndWait(new ConfirmDelivery(id, courier(courierId),
                new DeliveryProof(clock.instant(), proof.signatureReference(), proof.photoReference())));
        return DeliveryReceipt.accepted(id);
    }

    @PostMapping(path = "/fail", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DeliveryReceipt> fail(@PathVariable String courierId, @PathVariable String deliveryId,
                                         @Valid @RequestBody FailRequest request) {
        DeliveryId id = delivery(deliveryId);
        commands.sendAndWait(new FailDelivery(id, courier(courierId), request.reason()));
        return DeliveryReceipt.accepted(id);
    }

    /** References to a signature or photo stored elsewhere; never the picture itself. */
    record ProofRequest(@Size(max = DeliveryLimits.MAX_PROOF_REFERENCE_LENGTH) String signatureReference,
                        @Size(max = DeliveryLimits.MAX_PROOF_REFERENCE_LENGTH) String photoReference) {
    }

    record FailRequest(@NotBlank @Size(max = DeliveryLimits.MAX_REASON_LENGTH) String reason) {
    }
}
