package io.pantrade.command.delivery;

import io.pantrade.kernel.rules.BusinessRule;
import io.pantrade.kernel.rules.RuleViolation;
import io.pantrade.kernel.rules.RuleViolation.Kind;

/** Every rule a courier obeys, each with the reason a client is given when it is broken. */
enum CourierRule implements BusinessRule {

    COURIER_ID_TAKEN("courier.id-taken",
            "a courier with this id (it comes from the Idempotency-Key) exists and was registered differently",
            Kind.CONFLICT),
    NEEDS_A_NAME("courier.name-missing", "a courier needs a name", Kind.UNPROCESSABLE),
    NAME_SEALED_FOR_THE_COURIER("courier.name-subject-mismatch",
            "the name must be sealed under the courier's own key, or erasing them would not erase it",
            Kind.UNPROCESSABLE),
    CAPACITY_IN_RANGE("courier.capacity-out-of-range",
            "a courier carries " + DeliveryLimits.MIN_CAPACITY + " to " + DeliveryLimits.MAX_CAPACITY + " units",
            Kind.UNPROCESSABLE),
    CAPACITY_NOT_BELOW_LOAD("courier.capacity-below-load",
            "the capacity cannot drop below what the courier carries now", Kind.CONFLICT),
    NEEDS_A_LOCATION("courier.location-missing", "a shift starts and a position is reported with a location",
            Kind.UNPROCESSABLE),
    SHIFT_STARTS_ONCE("courier.already-on-shift", "the courier's shift has already started", Kind.CONFLICT),
    SHIFT_ENDS_ONLY_WHEN_STARTED("courier.shift-not-started", "the courier is not on shift", Kind.CONFLICT),
    SHIFT_ENDS_EMPTY_HANDED("courier.holds-deliveries",
            "a shift cannot end while the courier holds deliveries: hand them over or have them reassigned",
            Kind.CONFLICT),
    LOCATION_ONLY_ON_SHIFT("courier.location-off-shift", "only a courier on shift reports a location", Kind.CONFLICT),
    TAKES_ONLY_ON_SHIFT("courier.off-shift", "a courier off shift takes no deliveries", Kind.CONFLICT),
    TAKES_WHAT_FITS("courier.capacity-exceeded", "the parcel does not fit in the courier's free capacity",
            Kind.CONFLICT),
    ASSIGNMENT_COMPLETE("courier.assignment-incomplete",
            "taking a delivery needs the delivery, the assignment and the parcel size", Kind.UNPROCESSABLE),
    ASSIGNMENT_ID_TAKEN("courier.assignment-id-taken",
            "the courier already holds this assignment, for another delivery", Kind.CONFLICT);

    private final RuleViolation rule;

    CourierRule(String code, String reason, Kind kind) {
        this.rule = new RuleViolation(code, reason, kind);
    }

    @Override
    public RuleViolation rule() {
        return rule;
    }
}
