package io.pantrade.command.delivery;

import io.pantrade.command.idempotency.IdempotencyFilter;
import io.pantrade.command.idempotency.IdempotentIds;
import io.pantrade.kernel.delivery.ChangeCourierCapacity;
import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.EndShift;
import io.pantrade.kernel.delivery.RegisterCourier;
import io.pantrade.kernel.delivery.StartShift;
import io.pantrade.kernel.delivery.UpdateCourierLocation;
import io.pantrade.kernel.privacy.PersonalDataCipher;
import io.pantrade.web.GeoPointBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.pantrade.command.delivery.DeliveryPaths.courier;

import java.net.URI;

/** A courier's own life: registration, shifts, position and how much they carry. */
@RestController
@RequestMapping(path = "/api/couriers", produces = MediaType.APPLICATION_JSON_VALUE)
class CourierCommandController {

    private final CommandGateway commands;
    private final PersonalDataCipher personalData;

    CourierCommandController(CommandGateway commands, PersonalDataCipher personalData) {
        this.commands = commands;
        this.personalData = personalData;
    }

    /** The name is sealed here, at the edge, under the courier's own key, so its clear text never enters a message. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CourierReceipt> register(@Valid @RequestBody RegisterRequest request,
                                            @RequestHeader(IdempotencyFilter.HEADER) String idempotencyKey) {
        CourierId courierId = new CourierId(IdempotentIds.uuidFor("courier", idempotencyKey));
        commands.sendAndWait(new RegisterCourier(courierId, personalData.seal(courierId.value(), request.name()),
                request.capacity()));
        return ResponseEntity.created(URI.create("/api/couriers/" + courierId)).body(new CourierReceipt(courierId.value()));
    }

    @PostMapping(path = "/{courierId}/shift/start", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CourierReceipt> startShift(@PathVariable String courierId, @Valid @RequestBody GeoPointBody location) {
        CourierId id = courier(courierId);
        commands.sendAndWait(new StartShift(id, location.toGeoPoint()));
        return accepted(id);
    }

    @PostMapping(path = "/{courierId}/shift/end")
    ResponseEntity<CourierReceipt> endShift(@PathVariable String courierId) {
        CourierId id = courier(courierId);
        commands.sendAndWait(new EndShift(id));
        return accepted(id);
    }

    @PostMapping(path = "/{courierId}/location", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CourierReceipt> location(@PathVariable String courierId, @Valid @RequestBody GeoPointBody location) {
        CourierId id = courier(courierId);
        commands.sendAndWait(new UpdateCourierLocation(id, location.toGeoPoint()));
        return accepted(id);
    }

    @PostMapping(path = "/{courierId}/capacity", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CourierReceipt> capacity(@PathVariable String courierId, @Valid @RequestBody CapacityRequest request) {
        CourierId id = courier(courierId);
        commands.sendAndWait(new ChangeCourierCapacity(id, request.capacity()));
        return accepted(id);
    }

    private static ResponseEntity<CourierReceipt> accepted(CourierId id) {
        return ResponseEntity.accepted().body(new CourierReceipt(id.value()));
    }

    record RegisterRequest(@NotBlank @Size(max = DeliveryLimits.MAX_NAME_LENGTH) String name,
                           @NotNull @Min(DeliveryLimits.MIN_CAPACITY) @Max(DeliveryLimits.MAX_CAPACITY) Integer capacity) {
    }

    record CapacityRequest(@NotNull @Min(DeliveryLimits.MIN_CAPACITY) @Max(DeliveryLimits.MAX_CAPACITY) Integer capacity) {
    }

    record CourierReceipt(String courierId) {
    }
}
