package io.pantrade.kernel.payment;

/**
 * What the engine may keep about a card outside the vault: the vault's token, the brand and the
 * last four digits. The card number itself never leaves the vault in clear.
 */
public record CardReference(String token, String brand, String last4) {
}
