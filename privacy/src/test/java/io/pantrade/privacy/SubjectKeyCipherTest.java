package io.pantrade.privacy;

import io.pantrade.testing.Race;
import io.pantrade.kernel.privacy.SealedText;
import io.pantrade.kernel.privacy.SealedTextUnreadable;
import io.pantrade.kernel.privacy.SubjectErased;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.pantrade.privacy.CipherFixtures.MASTER_KEY;
import static io.pantrade.privacy.CipherFixtures.OTHER_MASTER_KEY;
import static io.pantrade.privacy.SubjectKeyStoreContract.ALICE;
import static io.pantrade.privacy.SubjectKeyStoreContract.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubjectKeyCipherTest {

    private static final String ADDRESS = "Grüne Gasse 7, 1010 Wien ☎ +43 1 234 — 東京 🚚";
    private static final SecretKey MASTER = MasterKeys.fromBase64(MASTER_KEY, "the master key");

    private final InMemorySubjectKeyStore store = new InMemorySubjectKeyStore();
    private final SubjectKeyCipher cipher = new SubjectKeyCipher(store, MASTER, 100);

    @Test
    void opens_what_it_sealed() {
        SealedText sealed = cipher.seal(ALICE, ADDRESS);

        assertThat(sealed.subjectId()).isEqualTo(ALICE);
        assertThat(sealed.ciphertext()).doesNotContain("Gasse");
        assertThat(cipher.open(sealed)).contains(ADDRESS);
    }

    @Test
    void a_restarted_cipher_opens_with_the_stored_key() {
        SealedText sealed = cipher.seal(ALICE, ADDRESS);

        assertThat(new SubjectKeyCipher(store, MASTER, 100).open(sealed)).contains(ADDRESS);
    }

    @Test
    void the_same_text_sealed_twice_gives_different_ciphertexts() {
        SealedText first = cipher.seal(ALICE, ADDRESS);
        SealedText second = cipher.seal(ALICE, ADDRESS);

        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(cipher.open(first)).isEqualTo(cipher.open(second)).contains(ADDRESS);
    }

    @Test
    void two_subjects_get_different_keys() {
        cipher.seal(ALICE, ADDRESS);
        cipher.seal(BOB, ADDRESS);

        // Key wrap is deterministic: equal wrapped keys would mean equal keys.
        assertThat(store.find(ALICE).orElseThrow().wrappedKey())
                .isNotEqualTo(store.find(BOB).orElseThrow().wrappedKey());
    }

    @Test
    void an_altered_ciphertext_is_unreadable() {
        SealedText sealed = cipher.seal(ALICE, ADDRESS);
        byte[] framed = Base64.getDecoder().decode(sealed.ciphertext());
        framed[framed.length / 2] ^= 0x40;
        SealedText altered = new SealedText(ALICE, Base64.getEncoder().encodeToString(framed));

        assertThatThrownBy(() -> cipher.open(altered))
                .isInstanceOf(SealedTextUnreadable.class)
                .hasMessageNotContaining("Gasse");
    }

    @Test
    void a_ciphertext_relabelled_with_another_subject_is_unreadable() {
        SealedText sealed = cipher.seal(ALICE, ADDRESS);
        cipher.seal(BOB, "Bob's own address");

        assertThatThrownBy(() -> cipher.open(new SealedText(BOB, sealed.ciphertext())))
                .isInstanceOf(SealedTextUnreadable.class);
    }

    @Test
    void a_sealed_text_of_a_subject_without_any_key_is_unreadable() {
        SealedText sealed = cipher.seal(ALICE, ADDRESS);
        SubjectKeyCipher lostKeys = new SubjectKeyCipher(new InMemorySubjectKeyStore(), MASTER, 100);

        assertThatThrownBy(() -> lostKeys.open(sealed))
                .isInstanceOf(SealedTextUnreadable.class)
                .hasMessageContaining("no key for subject " + ALICE);
    }

    @Test
    void after_shredding_nothing_opens_and_nothing_more_is_sealed() {
        SealedText sealed = cipher.seal(ALICE, ADDRESS);
        SealedText bobs = cipher.seal(BOB, "Bob's own address");

        cipher.shred(ALICE);

        assertThat(cipher.open(sealed)).isEmpty();
        assertThatThrownBy(() -> cipher.seal(ALICE, "new address"))
                .isInstanceOf(SubjectErased.class)
                .hasMessageContaining(ALICE)
                .hasMessageNotContaining("new address");
        assertThat(cipher.open(bobs)).contains("Bob's own address");
    }

    @Test
    void a_restarted_cipher_still_sees_the_erasure() {
        SealedText sealed = cipher.seal(ALICE, ADDRESS);
        cipher.shred(ALICE);

        SubjectKeyCipher restarted = new SubjectKeyCipher(store, MASTER, 100);

        assertThat(restarted.open(sealed)).isEmpty();
        assertThatThrownBy(() -> restarted.seal(ALICE, "new address")).isInstanceOf(SubjectErased.class);
    }

    @Test
    void a_subject_shredded_before_it_had_data_gets_none() {
        cipher.shred(ALICE);

        assertThatThrownBy(() -> cipher.seal(ALICE, ADDRESS)).isInstanceOf(SubjectErased.class);
        assertThatThrownBy(() -> new SubjectKeyCipher(store, MASTER, 100).seal(ALICE, ADDRESS))
                .isInstanceOf(SubjectErased.class);
    }

    @Test
    void concurrent_first_seals_for_one_subject_end_with_one_key() throws Exception {
        int threads = 16;
        SubjectKeyStore racingStore = new AllMissFirst(store, threads);

        // A cipher per thread, as on separate nodes, so no shared cache can hide a lost race.
        List<SealedText> sealed = Race.of(threads, thread ->
                new SubjectKeyCipher(racingStore, MASTER, 100).seal(ALICE, "address " + thread));

        SubjectKeyCipher restarted = new SubjectKeyCipher(store, MASTER, 100);
        for (int thread = 0; thread < threads; thread++) {
            assertThat(restarted.open(sealed.get(thread))).contains("address " + thread);
        }
    }

    @Test
    void a_shred_that_overtakes_a_key_being_loaded_wins() {
        SealedText sealed = cipher.seal(ALICE, ADDRESS);
        AtomicReference<SubjectKeyCipher> loading = new AtomicReference<>();
        SubjectKeyStore shredsWhileFinding = new InMemorySubjectKeyStore() {
            @Override
            public Optional<SubjectKey> find(String subjectId) {
                Optional<SubjectKey> live = store.find(subjectId);
                loading.get().shred(subjectId);
                return live;
            }

            @Override
            public void destroy(String subjectId) {
                store.destroy(subjectId);
            }
        };
        loading.set(new SubjectKeyCipher(shredsWhileFinding, MASTER, 100));

        assertThat(loading.get().open(sealed)).isEmpty();
        assertThat(loading.get().open(sealed)).isEmpty();
    }

    @Test
    void another_master_key_cannot_unwrap_and_says_so_without_quoting_keys() {
        SealedText sealed = cipher.seal(ALICE, ADDRESS);
        SubjectKeyCipher misconfigured = new SubjectKeyCipher(store, MasterKeys.fromBase64(OTHER_MASTER_KEY, "the master key"), 100);

        assertThatThrownBy(() -> misconfigured.open(sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another master key")
                .hasMessageNotContaining(MASTER_KEY)
                .hasMessageNotContaining(OTHER_MASTER_KEY)
                .hasMessageNotContaining(Base64.getEncoder().encodeToString(store.find(ALICE).orElseThrow().wrappedKey()));
    }

    @Test
    void a_known_subject_is_served_without_touching_the_store() {
        SealedText sealed = cipher.seal(ALICE, ADDRESS);
        cipher.shred(BOB);
        int callsBefore = store.calls();

        cipher.seal(ALICE, ADDRESS);
        cipher.open(sealed);
        assertThatThrownBy(() -> cipher.seal(BOB, ADDRESS)).isInstanceOf(SubjectErased.class);

        assertThat(store.calls()).isEqualTo(callsBefore);
    }

    @Test
    void the_cache_holds_no_more_subjects_than_its_size() {
        SubjectKeyCipher small = new SubjectKeyCipher(store, MASTER, 1);
        SealedText alice = small.seal(ALICE, ADDRESS);
        small.seal(BOB, ADDRESS);
        int callsBefore = store.calls();

        assertThat(small.open(alice)).contains(ADDRESS);

        assertThat(store.calls()).isEqualTo(callsBefore + 1);
    }

    @Test
    void rejects_a_blank_subject_and_an_empty_cache() {
        assertThatThrownBy(() -> cipher.seal(" ", ADDRESS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.shred("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubjectKeyCipher(store, MASTER, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Holds the first finds until all racers have missed, so that every one of them inserts. */
    private static final class AllMissFirst implements SubjectKeyStore {

        private final SubjectKeyStore delegate;
        private final CyclicBarrier allMissed;
        private final AtomicInteger finds = new AtomicInteger();

        AllMissFirst(SubjectKeyStore delegate, int racers) {
            this.delegate = delegate;
            this.allMissed = new CyclicBarrier(racers);
        }

        @Override
        public Optional<SubjectKey> find(String subjectId) {
            Optional<SubjectKey> found = delegate.find(subjectId);
            if (finds.incrementAndGet() <= allMissed.getParties()) {
                try {
                    allMissed.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException("the racers did not all arrive", e);
                }
            }
            return found;
        }

        @Override
        public SubjectKey insertIfAbsent(String subjectId, byte[] wrappedKey) {
            return delegate.insertIfAbsent(subjectId, wrappedKey);
        }

        @Override
        public void destroy(String subjectId) {
            delegate.destroy(subjectId);
        }
    }
}
