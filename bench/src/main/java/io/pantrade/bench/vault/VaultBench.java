package io.pantrade.bench.vault;

import io.pantrade.command.payment.card.CardExpiry;
import io.pantrade.command.payment.card.CardNumber;
import io.pantrade.command.payment.card.Luhn;
import io.pantrade.command.payment.card.RevealedCard;
import io.pantrade.command.payment.card.SealedCards;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.privacy.PersonalDataCipher;
import io.pantrade.kernel.privacy.SealedText;
import io.pantrade.privacy.JdbcSubjectKeyStore;
import io.pantrade.privacy.SubjectKeyCipher;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What the card vault costs in CPU, without its store: sealing a card record under a subject key
 * already in the cipher's cache (registering a card), opening it (describing or revealing one),
 * and checking a number (Luhn alone, and the whole edge check: strip separators, length, Luhn).
 * <pre>
 *   java -cp "$(cat bench/target/classpath.txt):bench/target/classes" org.openjdk.jmh.Main VaultBench -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VaultBench {

    private static final String TOKEN = "card_Q2FyZFZhdWx0QmVuY2ghIQ";

    private PersonalDataCipher cipher;
    private CustomerId owner;
    private RevealedCard card;
    private SealedText sealed;
    private String digits;
    private String typed;

    @Setup
    public void setUp() {
        JdbcDataSource keys = new JdbcDataSource();
        keys.setURL("jdbc:h2:mem:vault-bench;DB_CLOSE_DELAY=-1");
        JdbcSubjectKeyStore store = new JdbcSubjectKeyStore(keys);
        store.createSchema();
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        cipher = new SubjectKeyCipher(store, new SecretKeySpec(masterKey, "AES"), 1000);
        owner = new CustomerId(UUID.randomUUID().toString());
        typed = "4111 1111 1111 1111";
        digits = "4111111111111111";
        card = new RevealedCard(CardNumber.parse(typed), new CardExpiry(12, 2031), "Ada Lovelace");
        // the first seal creates the subject key and caches it: what follows does no I/O
        sealed = SealedCards.seal(cipher, owner, TOKEN, card);
    }

    @Benchmark
    public SealedText sealCard() {
        return SealedCards.seal(cipher, owner, TOKEN, card);
    }

    @Benchmark
    public Optional<RevealedCard> openCard() {
        return SealedCards.open(cipher, sealed, TOKEN);
    }

    @Benchmark
    public boolean luhn() {
        return Luhn.isValid(digits);
    }

    @Benchmark
    public CardNumber parseTypedNumber() {
        return CardNumber.parse(typed);
    }
}
