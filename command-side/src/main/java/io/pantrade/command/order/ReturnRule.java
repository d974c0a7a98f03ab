package io.pantrade.command.order;

import io.pantrade.kernel.rules.BusinessRule;
import io.pantrade.kernel.rules.RuleViolation;
import io.pantrade.kernel.rules.RuleViolation.Kind;

/** Every rule a recorded return obeys, each with the reason a sender is given when it is broken. */
enum ReturnRule implements BusinessRule {

    RETURN_ID_TAKEN("return.id-taken", "a return with this id exists and is a different return", Kind.CONFLICT),
    NEEDS_A_CUSTOMER("return.customer-missing", "a return needs the customer who sent the goods back",
            Kind.UNPROCESSABLE),
    NEEDS_A_LINE("return.no-lines", "a return needs at least one line", Kind.UNPROCESSABLE),
    AT_MOST_500_LINES("return.too-many-lines",
            "a return has at most " + OrderLimits.MAX_LINES + " lines", Kind.UNPROCESSABLE),
    LINE_NEEDS_A_SKU("return.sku-invalid",
            "every line needs a SKU of 1 to " + OrderLimits.MAX_SKU_LENGTH + " characters", Kind.UNPROCESSABLE),
    QUANTITY_IN_RANGE("return.quantity-out-of-range",
            "a line's quantity returned is " + OrderLimits.MIN_QUANTITY + " to " + OrderLimits.MAX_QUANTITY,
            Kind.UNPROCESSABLE),
    LINE_NEEDS_A_UNIT_PRICE("return.unit-price-missing", "every line needs a unit price", Kind.UNPROCESSABLE),
    UNIT_PRICE_NOT_NEGATIVE("return.negative-unit-price", "a unit price cannot be negative", Kind.UNPROCESSABLE),
    ONE_CURRENCY_PER_RETURN("return.mixed-currencies", "all lines of a return are in one currency",
            Kind.UNPROCESSABLE),
    TOTAL_REPRESENTABLE("return.total-overflow", "the return's total is too large to represent", Kind.UNPROCESSABLE);

    private final RuleViolation rule;

    ReturnRule(String code, String reason, Kind kind) {
        this.rule = new RuleViolation(code, reason, kind);
    }

    @Override
    public RuleViolation rule() {
        return rule;
    }
}
