package io.pantrade.command.payment.card;

import java.util.Optional;

/**
 * Where vault entries are kept: H2 in the embedded mode, MongoDB in production, chosen by the
 * launcher. Keyed by token only: there is deliberately no way to look a card up by its number.
 */
public interface CardVaultStore {

    /** @throws RuntimeException if the token is taken: an entry is never overwritten */
    void insert(VaultEntry entry);

    Optional<VaultEntry> find(String token);
}
