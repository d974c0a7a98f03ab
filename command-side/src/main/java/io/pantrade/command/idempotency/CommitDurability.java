package io.pantrade.command.idempotency;

/**
 * What must happen before a state-changing request is answered: everything it committed must be
 * durable. Stores that acknowledge only durable writes (Axon Server, MongoDB with a majority write
 * concern) need nothing more; the embedded H2 file waits for its group commit.
 */
@FunctionalInterface
public interface CommitDurability {

    CommitDurability ALREADY_DURABLE = () -> {
    };

    /** @throws RuntimeException if durability cannot be confirmed; the request must then not be acknowledged */
    void awaitDurable();
}
