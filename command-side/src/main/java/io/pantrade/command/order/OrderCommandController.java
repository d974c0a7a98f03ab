package io.pantrade.command.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantrade.command.payment.card.CardVault;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.delivery.CancelDelivery;
import io.pantrade.kernel.fulfilment.FulfilmentIds;
import io.pantrade.kernel.order.Fulfilment;
import io.pantrade.kernel.payment.MerchantId;
import io.pantrade.kernel.rules.Rejections;
import org.axonframework.commandhandling.CommandExecutionException;
import io.pantrade.kernel.order.CancelOrder;
import io.pantrade.kernel.order.CompleteOrder;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.order.PlaceOrder;
import io.pantrade.kernel.privacy.PersonalDataCipher;
import io.pantrade.kernel.privacy.SealedText;
import io.pantrade.command.idempotency.IdempotencyFilter;
import io.pantrade.command.idempotency.IdempotentIds;
import io.pantrade.web.PathIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

import java.net.URI;

@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderCommandController {

    private final CommandGateway commands;
    private final OrderPlacement placement;
    private final PersonalDataCipher personalData;
    private final ObjectMapper json;
    private final CardVault cards;

    OrderCommandController(CommandGateway commands, OrderPlacement placement, PersonalDataCipher personalData,
                           ObjectMapper json, CardVault cards) {
        this.commands = commands;
        this.placement = placement;
        this.personalData = personalData;
        this.json = json;
        this.cards = cards;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OrderAccepted> place(@Valid @RequestBody PlaceOrderRequest request,
                                        @RequestHeader(IdempotencyFilter.HEADER) String idempotencyKey) {
        OrderId orderId = new OrderId(IdempotentIds.uuidFor("order", idempotencyKey));
        CustomerId customerId = new CustomerId(request.customerId());
        placement.place(new PlaceOrder(orderId, customerId,
                request.lines().stream().map(PlaceOrderRequest.Line::toOrderLine).toList(),
                seal(customerId, request.deliveryAddress()), null, fulfilmentOf(request.fulfilment(), customerId)));
        return ResponseEntity.created(URI.create("/api/orders/" + orderId)).body(new OrderAccepted(orderId.value()));
    }

    /**
     * Once a courier has picked the parcel up, the order can no longer be cancelled. The delivery is
     * what knows, so it is cancelled first: refused after pickup, and once cancelled no courier can
     * pick it up. An order whose delivery does not exist yet is cancelled directly; its fulfilment
     * then never creates one. Once the delivery is cancelled, the fulfilment saga may cancel the
     * order before this request does (it undoes an order whose delivery was cancelled, in case this
     * request dies in between): the order is then cancelled as asked.
     */
    @PostMapping(path = "/{orderId}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OrderAccepted> cancel(@PathVariable String orderId, @Valid @RequestBody CancelRequest request) {
        OrderId id = PathIds.parse(orderId, "orderId", OrderId::new);
        boolean deliveryCancelled = true;
        try {
            commands.sendAndWait(new CancelDelivery(FulfilmentIds.deliveryOf(id), "order cancelled: " + request.reason()));
        } catch (CommandExecutionException refused) {
            if (!Rejections.refusedFor(refused, Rejections.NOT_FOUND)) {
                throw refused;
            }
            deliveryCancelled = false;
        }
        try {
            commands.sendAndWait(new CancelOrder(id, request.reason()));
        } catch (CommandExecutionException refused) {
            if (!deliveryCancelled
                    || !Rejections.refusedFor(refused, OrderRule.CANCELLED_ORDER_CANNOT_BE_CANCELLED_AGAIN.code())) {
                throw refused;
            }
        }
        return ResponseEntity.accepted().body(new OrderAccepted(id.value()));
    }

    @PostMapping(path = "/{orderId}/complete")
    ResponseEntity<OrderAccepted> complete(@PathVariable String orderId) {
        OrderId id = PathIds.parse(orderId, "orderId", OrderId::new);
        commands.sendAndWait(new CompleteOrder(id));
        return ResponseEntity.accepted().body(new OrderAccepted(id.value()));
    }

    private Fulfilment fulfilmentOf(PlaceOrderRequest.FulfilmentRequest request, CustomerId customerId) {
        if (request == null) {
            return null;
        }
        return new Fulfilment(new MerchantId(request.merchantId()), cards.describe(request.paymentMethodToken(), customerId),
                request.pickup().toGeoPoint(), request.window().toTimeWindow(), request.parcelSize());
    }

    /** The address is sealed here, at the edge, so its clear text never enters a message. */
    private SealedText seal(CustomerId customerId, PlaceOrderRequest.Address address) {
        try {
            return personalData.seal(customerId.value(), json.writeValueAsString(address.toDeliveryAddress()));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a delivery address always serialises", impossible);
        }
    }

    record CancelRequest(@NotBlank @Size(max = OrderLimits.MAX_REASON_LENGTH) String reason) {
    }

    record OrderAccepted(String orderId) {
    }
}
