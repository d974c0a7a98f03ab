package io.pantrade.command.payment.card;

import io.pantrade.kernel.rules.BusinessRule;
import io.pantrade.kernel.rules.RuleViolation;
import io.pantrade.kernel.rules.RuleViolation.Kind;

/** Why the vault refuses to describe or reveal a card; the payment side branches on the codes. */
public enum CardRule implements BusinessRule {

    UNKNOWN_TOKEN("card.unknown-token", "no card is stored under this token", Kind.NOT_FOUND),
    NOT_OWNED_BY_CUSTOMER("card.not-owned-by-customer",
            "this card was registered by another customer and cannot pay for this one", Kind.UNPROCESSABLE),
    EXPIRED("card.expired", "the card is past the last day of its expiry month", Kind.UNPROCESSABLE),
    ERASED("card.erased", "the card's owner was erased: the card can no longer be read", Kind.UNPROCESSABLE);

    private final RuleViolation rule;

    CardRule(String code, String reason, Kind kind) {
        this.rule = new RuleViolation(code, reason, kind);
    }

    @Override
    public RuleViolation rule() {
        return rule;
    }
}
