package io.pantrade.command.payment.card;

import io.pantrade.kernel.rules.BusinessRule;
import io.pantrade.kernel.rules.RuleViolation.Kind;

/** Why the vault refuses to describe or reveal a card; the payment side branches on the codes. */
public enum CardRule implements BusinessRule {

    UNKNOWN_TOKEN("card.unknown-token", "no card is stored under this token", Kind.NOT_FOUND),
    NOT_OWNED_BY_CUSTOMER("card.not-owned-by-customer",
            "this card was registered by another customer and cannot pay for this one", Kind.UNPROCESSABLE),
    EXPIRED("card.expired", "the card is past the last day of its expiry month", Kind.UNPROCESSABLE),
    ERASED("card.erased", "the card's owner was erased: the card can no longer be read", Kind.UNPROCESSABLE);

    private final String code;
    private final String reason;
    private final Kind kind;

    CardRule(String code, String reason, Kind kind) {
        this.code = code;
        this.reason = reason;
        this.kind = kind;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
