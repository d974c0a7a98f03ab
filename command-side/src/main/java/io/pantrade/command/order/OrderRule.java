package io.pantrade.command.order;

import io.pantrade.kernel.rules.BusinessRule;
import io.pantrade.kernel.rules.RuleViolation;
import io.pantrade.kernel.rules.RuleViolation.Kind;

/** Every rule an order obeys, each with the reason a client is given when it is broken. */
enum OrderRule implements BusinessRule {

    ORDER_ID_TAKEN("order.id-taken",
            "an order with this id (it comes from the Idempotency-Key) exists and is a different order", Kind.CONFLICT),
    NEEDS_A_CUSTOMER("order.customer-missing", "an order needs a customer", Kind.UNPROCESSABLE),
    NEEDS_A_DELIVERY_ADDRESS("order.address-missing", "an order needs a delivery address", Kind.UNPROCESSABLE),
    ADDRESS_SEALED_FOR_THE_CUSTOMER("order.address-subject-mismatch",
            "the delivery address must be sealed under the ordering customer's key, or erasing them would not erase it",
            Kind.UNPROCESSABLE),
    FULFILMENT_INCOMPLETE("order.fulfilment-incomplete",
            "an order to be paid and delivered needs a merchant, a card, a pickup point, a time window and a parcel size",
            Kind.UNPROCESSABLE),
    NEEDS_A_LINE("order.no-lines", "an order needs at least one line", Kind.UNPROCESSABLE),
    AT_MOST_500_LINES("order.too-many-lines",
            "an order has at most " + OrderLimits.MAX_LINES + " lines", Kind.UNPROCESSABLE),
    LINE_NEEDS_A_SKU("order.sku-invalid",
            "every line needs a SKU of 1 to " + OrderLimits.MAX_SKU_LENGTH + " characters", Kind.UNPROCESSABLE),
    QUANTITY_IN_RANGE("order.quantity-out-of-range",
            "a line's quantity is " + OrderLimits.MIN_QUANTITY + " to " + OrderLimits.MAX_QUANTITY, Kind.UNPROCESSABLE),
    LINE_NEEDS_A_UNIT_PRICE("order.unit-price-missing", "every line needs a unit price", Kind.UNPROCESSABLE),
    UNIT_PRICE_NOT_NEGATIVE("order.negative-unit-price", "a unit price cannot be negative", Kind.UNPROCESSABLE),
    ONE_CURRENCY_PER_ORDER("order.mixed-currencies", "all lines of an order are in one currency", Kind.UNPROCESSABLE),
    TOTAL_REPRESENTABLE("order.total-overflow", "the order total is too large to represent", Kind.UNPROCESSABLE),
    TOTAL_WITHIN_LIMIT("order.total-above-limit", "the order total is above the allowed maximum", Kind.UNPROCESSABLE),
    CANCEL_NEEDS_A_REASON("order.cancel-reason-invalid",
            "a cancellation needs a reason of 1 to " + OrderLimits.MAX_REASON_LENGTH + " characters", Kind.UNPROCESSABLE),
    COMPLETED_ORDER_CANNOT_BE_CANCELLED("order.completed", "a completed order cannot be cancelled", Kind.CONFLICT),
    CANCELLED_ORDER_CANNOT_BE_CANCELLED_AGAIN("order.already-cancelled", "the order is already cancelled", Kind.CONFLICT),
    CANCELLED_ORDER_CANNOT_BE_COMPLETED("order.cancelled", "a cancelled order cannot be completed", Kind.CONFLICT),
    COMPLETED_ORDER_CANNOT_BE_COMPLETED_AGAIN("order.already-completed", "the order is already completed", Kind.CONFLICT);

    private final RuleViolation rule;

    OrderRule(String code, String reason, Kind kind) {
        this.rule = new RuleViolation(code, reason, kind);
    }

    @Override
    public RuleViolation rule() {
        return rule;
    }
}
