package io.pantrade.query.recommendation;

/** Which of a customer's own items are never recommended to them. */
public enum Exclusion {
    /** repeat purchases are recommended like any other item */
    NONE,
    /** not what they just bought */
    LAST_PURCHASE,
    /** nothing they ever bought or showed interest in */
    EVERYTHING_KNOWN
}
