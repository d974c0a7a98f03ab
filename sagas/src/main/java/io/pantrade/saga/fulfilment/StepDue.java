package io.pantrade.saga.fulfilment;

/**
 * The payload of a fulfilment deadline. {@code round} tells which wait it ends: a deadline from a
 * wait that is already over (its step completed, or a later wait replaced it) finds another round
 * in the saga and does nothing.
 */
public record StepDue(int round) {
}
