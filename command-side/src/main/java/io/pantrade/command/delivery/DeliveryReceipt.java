package io.pantrade.command.delivery;

import io.pantrade.kernel.delivery.DeliveryId;
import org.springframework.http.ResponseEntity;

/** What the delivery APIs answer: the command was applied; read the delivery for its state. */
record DeliveryReceipt(String deliveryId) {

    static ResponseEntity<DeliveryReceipt> accepted(DeliveryId id) {
        return ResponseEntity.accepted().body(new DeliveryReceipt(id.value()));
    }
}
