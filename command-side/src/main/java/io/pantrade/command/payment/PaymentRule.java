package io.pantrade.command.payment;

import io.pantrade.kernel.rules.BusinessRule;
import io.pantrade.kernel.rules.RuleViolation;
import io.pantrade.kernel.rules.RuleViolation.Kind;

/** Every rule a payment obeys, each with the reason a client is given when it is broken. */
enum PaymentRule implements BusinessRule {

    PAYMENT_ID_TAKEN("payment.id-taken",
            "a payment with this id (it comes from the Idempotency-Key) exists and is a different payment", Kind.CONFLICT),
    NEEDS_AN_ORDER("payment.order-missing", "a payment is for an order", Kind.UNPROCESSABLE),
    NEEDS_A_CUSTOMER("payment.customer-missing", "a payment needs a paying customer", Kind.UNPROCESSABLE),
    NEEDS_A_MERCHANT("payment.merchant-missing", "a payment needs a merchant to pay", Kind.UNPROCESSABLE),
    NEEDS_A_CARD("payment.card-missing", "a payment needs a tokenized card", Kind.UNPROCESSABLE),
    AMOUNT_POSITIVE("payment.amount-not-positive", "an amount must be more than zero", Kind.UNPROCESSABLE),
    AMOUNT_WITHIN_LIMIT("payment.amount-above-limit", "the amount is above the allowed maximum", Kind.UNPROCESSABLE),
    CURRENCY_OF_THE_AUTHORIZATION("payment.currency-mismatch",
            "captures and refunds are in the currency of the authorization", Kind.UNPROCESSABLE),
    REASON_GIVEN("payment.reason-invalid",
            "a reason of 1 to " + PaymentTerms.MAX_REASON_LENGTH + " characters is needed", Kind.UNPROCESSABLE),
    OUTCOME_RECORDED_ONCE("payment.outcome-conflict",
            "the provider's answer to this authorization is already recorded and was different", Kind.CONFLICT),
    AWAITING_THE_PROVIDER("payment.authorization-pending",
            "the provider has not answered the authorization yet", Kind.CONFLICT),
    NOT_AUTHORIZED("payment.not-authorized", "the authorization was declined or failed", Kind.CONFLICT),
    VOIDED("payment.voided", "the payment was voided", Kind.CONFLICT),
    EXPIRED("payment.authorization-expired", "the authorization's hold period is over", Kind.CONFLICT),
    CAPTURE_WITHIN_AUTHORIZED("payment.capture-exceeds-authorization",
            "all captures together cannot exceed the authorized amount", Kind.UNPROCESSABLE),
    CAPTURE_ID_TAKEN("payment.capture-id-taken",
            "a capture with this id (it comes from the Idempotency-Key) was made for another amount", Kind.CONFLICT),
    NO_CAPTURE_AFTER_REFUND("payment.capture-after-refund",
            "the first refund releases what was not captured; nothing more can be captured", Kind.CONFLICT),
    NO_VOID_AFTER_CAPTURE("payment.void-after-capture",
            "money was captured; it can be refunded, not voided", Kind.CONFLICT),
    REFUND_NEEDS_A_CAPTURE("payment.nothing-captured", "nothing was captured, so nothing can be refunded", Kind.CONFLICT),
    REFUND_WITHIN_CAPTURED("payment.refund-exceeds-captured",
            "all refunds together cannot exceed what was captured", Kind.UNPROCESSABLE),
    REFUND_ID_TAKEN("payment.refund-id-taken",
            "a refund with this id (it comes from the Idempotency-Key) was made for another amount", Kind.CONFLICT);

    private final RuleViolation rule;

    PaymentRule(String code, String reason, Kind kind) {
        this.rule = new RuleViolation(code, reason, kind);
    }

    @Override
    public RuleViolation rule() {
        return rule;
    }
}
