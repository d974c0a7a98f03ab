package io.pantrade.command.payment;

import io.pantrade.command.idempotency.IdempotencyFilter;
import io.pantrade.command.idempotency.IdempotentIds;
import io.pantrade.command.payment.card.CardVault;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.payment.AuthorizePayment;
import io.pantrade.kernel.payment.CapturePayment;
import io.pantrade.kernel.payment.CardReference;
import io.pantrade.kernel.payment.MerchantId;
import io.pantrade.kernel.payment.PaymentId;
import io.pantrade.kernel.payment.RefundPayment;
import io.pantrade.kernel.payment.VoidPayment;
import io.pantrade.web.MoneyBody;
import io.pantrade.web.Uuid;
import io.pantrade.web.PathIds;
import jakarta.validation.Valid;
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

import java.net.URI;

/**
 * The payment-changing API. Every call is signed by the client (checked by the signing filter) and
 * idempotent (the Idempotency-Key also names the payment, capture or refund, so a request re-run
 * after a lost answer changes nothing). The authorization's outcome arrives later: read the payment.
 */
@RestController
@RequestMapping(path = "/api/payments", produces = MediaType.APPLICATION_JSON_VALUE)
class PaymentCommandController {


    private final CommandGateway commands;
    private final CardVault cards;

    PaymentCommandController(CommandGateway commands, CardVault cards) {
        this.commands = commands;
        this.cards = cards;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PaymentAccepted> authorize(@Valid @RequestBody AuthorizeRequest request,
                                              @RequestHeader(IdempotencyFilter.HEADER) String idempotencyKey) {
        PaymentId paymentId = new PaymentId(IdempotentIds.uuidFor("payment", idempotencyKey));
        CustomerId customerId = new CustomerId(request.customerId());
        CardReference card = cards.describe(request.paymentMethodToken(), customerId);
        commands.sendAndWait(new AuthorizePayment(paymentId, new OrderId(request.orderId()), customerId,
                new MerchantId(request.merchantId()), request.amount().toMoney(), card));
        return ResponseEntity.accepted().location(URI.create("/api/payments/" + paymentId))
                .body(new PaymentAccepted(paymentId.value()));
    }

    @PostMapping(path = "/{paymentId}/capture", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PaymentAccepted> capture(@PathVariable String paymentId, @Valid @RequestBody AmountRequest request,
                                            @RequestHeader(IdempotencyFilter.HEADER) String idempotencyKey) {
        PaymentId id = PathIds.parse(paymentId, "paymentId", PaymentId::new);
        commands.sendAndWait(new CapturePayment(id, idempotencyKey, request.amount().toMoney()));
        return accepted(id);
    }

    @PostMapping(path = "/{paymentId}/void", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PaymentAccepted> voidAuthorization(@PathVariable String paymentId,
                                                      @Valid @RequestBody VoidRequest request) {
        PaymentId id = PathIds.parse(paymentId, "paymentId", PaymentId::new);
        commands.sendAndWait(new VoidPayment(id, request.reason()));
        return accepted(id);
    }

    @PostMapping(path = "/{paymentId}/refund", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PaymentAccepted> refund(@PathVariable String paymentId, @Valid @RequestBody RefundRequest request,
                                           @RequestHeader(IdempotencyFilter.HEADER) String idempotencyKey) {
        PaymentId id = PathIds.parse(paymentId, "paymentId", PaymentId::new);
        commands.sendAndWait(new RefundPayment(id, idempotencyKey, request.amount().toMoney(), request.reason()));
        return accepted(id);
    }

    private static ResponseEntity<PaymentAccepted> accepted(PaymentId id) {
        return ResponseEntity.accepted().location(URI.create("/api/payments/" + id)).body(new PaymentAccepted(id.value()));
    }

    record AuthorizeRequest(
            @NotNull @Uuid String orderId,
            @NotNull @Uuid String customerId,
            @NotNull @Uuid String merchantId,
            @NotNull @Valid MoneyBody amount,
            @NotBlank @Size(max = 100) String paymentMethodToken) {
    }

    record AmountRequest(@NotNull @Valid MoneyBody amount) {
    }

    record VoidRequest(@NotBlank @Size(max = PaymentTerms.MAX_REASON_LENGTH) String reason) {
    }

    record RefundRequest(@NotNull @Valid MoneyBody amount,
                         @NotBlank @Size(max = PaymentTerms.MAX_REASON_LENGTH) String reason) {
    }

    record PaymentAccepted(String paymentId) {
    }
}
