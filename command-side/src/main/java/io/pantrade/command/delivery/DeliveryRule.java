package io.pantrade.command.delivery;

import io.pantrade.kernel.rules.BusinessRule;
import io.pantrade.kernel.rules.RuleViolation;
import io.pantrade.kernel.rules.RuleViolation.Kind;

/** Every rule a delivery obeys, each with the reason a client is given when it is broken. */
enum DeliveryRule implements BusinessRule {

    DELIVERY_ID_TAKEN("delivery.id-taken", "a delivery with this id exists and is a different delivery",
            Kind.CONFLICT),
    NEEDS_AN_ORDER("delivery.order-missing", "a delivery is for an order", Kind.UNPROCESSABLE),
    NEEDS_A_PICKUP("delivery.pickup-missing", "a delivery needs a pickup point", Kind.UNPROCESSABLE),
    NEEDS_A_DROP_OFF("delivery.drop-off-missing", "a delivery needs a drop-off address", Kind.UNPROCESSABLE),
    NEEDS_A_WINDOW("delivery.window-missing", "a delivery needs a time window", Kind.UNPROCESSABLE),
    NEEDS_A_SIZE("delivery.size-missing", "a delivery needs a parcel size", Kind.UNPROCESSABLE),
    NEEDS_A_COURIER("delivery.courier-missing", "assigning a delivery needs a courier", Kind.UNPROCESSABLE),
    REASON_GIVEN("delivery.reason-invalid",
            "a reason of 1 to " + DeliveryLimits.MAX_REASON_LENGTH + " characters is needed", Kind.UNPROCESSABLE),
    ASSIGNED_ONLY_WHILE_AWAITING_A_COURIER("delivery.not-awaiting-courier",
            "only a delivery waiting for a courier is assigned; reassign one that has a courier", Kind.CONFLICT),
    REASSIGNED_ONLY_BEFORE_PICKUP("delivery.not-reassignable",
            "only a delivery assigned or accepted and not picked up yet moves to another courier", Kind.CONFLICT),
    REASSIGNED_TO_ANOTHER_COURIER("delivery.same-courier",
            "a delivery is reassigned to another courier than the one holding it", Kind.CONFLICT),
    UNASSIGNED_ONLY_BEFORE_PICKUP("delivery.not-unassignable",
            "only a delivery assigned or accepted and not picked up yet is taken back from its courier", Kind.CONFLICT),
    ONLY_THE_ASSIGNED_COURIER("delivery.not-the-assigned-courier",
            "only the courier the delivery is assigned to acts on it", Kind.CONFLICT),
    ACCEPTED_ONLY_WHEN_ASSIGNED("delivery.not-assigned", "only a delivery assigned and not yet accepted is accepted",
            Kind.CONFLICT),
    PICKED_UP_ONLY_WHEN_ASSIGNED("delivery.not-pickable",
            "only a delivery assigned or accepted and not yet picked up is picked up", Kind.CONFLICT),
    DELIVERED_ONLY_AFTER_PICKUP("delivery.not-picked-up", "only a picked-up delivery is handed over", Kind.CONFLICT),
    NEEDS_A_PROOF("delivery.proof-missing", "a hand-over needs a proof with the time of delivery",
            Kind.UNPROCESSABLE),
    PROOF_REFERENCES_SHORT("delivery.proof-reference-too-long",
            "signature and photo references are at most " + DeliveryLimits.MAX_PROOF_REFERENCE_LENGTH + " characters",
            Kind.UNPROCESSABLE),
    FAILS_ONLY_UNFINISHED("delivery.already-finished",
            "a delivered, failed or cancelled delivery cannot fail", Kind.CONFLICT),
    CANCELLED_ONLY_BEFORE_PICKUP("delivery.already-picked-up",
            "a delivery on its way or handed over cannot be cancelled: it is delivered or it fails", Kind.CONFLICT),
    FAILED_DELIVERY_NOT_CANCELLED("delivery.already-failed", "a failed delivery cannot be cancelled", Kind.CONFLICT);

    private final RuleViolation rule;

    DeliveryRule(String code, String reason, Kind kind) {
        this.rule = new RuleViolation(code, reason, kind);
    }

    @Override
    public RuleViolation rule() {
        return rule;
    }
}
