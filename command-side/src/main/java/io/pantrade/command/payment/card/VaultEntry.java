package io.pantrade.command.payment.card;

import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.privacy.SealedText;

import java.time.Instant;

/**
 * A stored card: only its token, its owner (whose key seals it) and when it was registered are
 * in clear. The sealed subject is the owner by construction, so erasing the owner erases the card.
 */
record VaultEntry(String token, CustomerId owner, String ciphertext, Instant createdAt) {

    static VaultEntry of(String token, SealedText sealed, Instant createdAt) {
        return new VaultEntry(token, new CustomerId(sealed.subjectId()), sealed.ciphertext(), createdAt);
    }

    SealedText sealed() {
        return new SealedText(owner.value(), ciphertext);
    }
}
