package io.pantrade.command.payment.card;

import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.payment.CardReference;
import io.pantrade.kernel.privacy.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import static io.pantrade.command.payment.card.CardRule.ERASED;
import static io.pantrade.command.payment.card.CardRule.EXPIRED;
import static io.pantrade.command.payment.card.CardRule.NOT_OWNED_BY_CUSTOMER;
import static io.pantrade.command.payment.card.CardRule.UNKNOWN_TOKEN;

/**
 * Keeps card numbers so that nothing else has to: the rest of the engine holds a token, and only
 * the payment provider adapter ever gets the number back, through {@link #reveal}. Each card is
 * sealed under its owner's subject key, so erasing the owner erases their cards.
 */
@Component
public class CardVault {

    private static final Logger log = LoggerFactory.getLogger(CardVault.class);

    private final CardVaultStore store;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    public CardVault(CardVaultStore store, PersonalDataCipher cipher, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * @throws io.pantrade.kernel.rules.RuleViolatedException {@code card.expired}
     * @throws io.pantrade.kernel.privacy.SubjectErased        if the owner was erased
     */
    public CardDescription register(CustomerId owner, RevealedCard card) {
        if (card.expiry().expiredAt(clock)) {
            throw EXPIRED.violated(expiredAt(card));
        }
        String token = CardTokens.newToken();
        store.insert(VaultEntry.of(token, SealedCards.seal(cipher, owner, token, card),
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        log.info("registered card {} ({})", token, card.number().brand().code());
        return CardDescription.of(token, card);
    }

    /**
     * What the API may show of a card.
     *
     * @throws io.pantrade.kernel.rules.RuleViolatedException {@code card.unknown-token}, {@code card.erased}
     */
    public CardDescription find(String token) {
        return CardDescription.of(token, open(entry(token)));
    }

    /**
     * The reference an authorization for {@code owner} carries.
     *
     * @throws io.pantrade.kernel.rules.RuleViolatedException {@code card.unknown-token},
     *                                                        {@code card.not-owned-by-customer}, {@code card.erased}, {@code card.expired}
     */
    public CardReference describe(String token, CustomerId owner) {
        VaultEntry entry = entry(token);
        if (!entry.owner().equals(owner)) {
            throw NOT_OWNED_BY_CUSTOMER.violated();
        }
        RevealedCard card = open(entry);
        if (card.expiry().expiredAt(clock)) {
            throw EXPIRED.violated(expiredAt(card));
        }
        return new CardReference(token, card.number().brand().code(), card.number().last4());
    }

    /**
     * The card in clear, for the payment provider adapter only. The caller must use it for its call
     * and drop it: never store it, log it or put it in a message. Expiry is not checked here: the
     * authorization was checked by {@link #describe}, and the provider has the last word.
     *
     * @throws io.pantrade.kernel.rules.RuleViolatedException {@code card.unknown-token}, {@code card.erased}
     */
    public RevealedCard reveal(String token) {
        return open(entry(token));
    }

    private VaultEntry entry(String token) {
        if (!CardTokens.isWellFormed(token)) {
            throw UNKNOWN_TOKEN.violated();
        }
        return store.find(token).orElseThrow(UNKNOWN_TOKEN::violated);
    }

    private RevealedCard open(VaultEntry entry) {
        return SealedCards.open(cipher, entry.sealed(), entry.token()).orElseThrow(ERASED::violated);
    }

    private static String expiredAt(RevealedCard card) {
        return "it expired at the end of " + card.expiry();
    }
}
