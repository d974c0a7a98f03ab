package io.pantrade.privacy;

import io.pantrade.testing.Race;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link SubjectKeyStore} must do; each store's test runs these against it. */
abstract class SubjectKeyStoreContract {

    static final String ALICE = "3f2c1a4e-5b6d-4c7e-8f90-a1b2c3d4e5f6";
    static final String BOB = "9e8d7c6b-5a49-4837-a625-140312f1e0d9";

    abstract SubjectKeyStore store();

    @Test
    void knows_no_key_for_a_new_subject() {
        assertThat(store().find(ALICE)).isEmpty();
    }

    @Test
    void keeps_an_inserted_key() {
        SubjectKey inserted = store().insertIfAbsent(ALICE, bytes(1));

        SubjectKey found = store().find(ALICE).orElseThrow();
        assertThat(found.wrappedKey()).isEqualTo(bytes(1)).isEqualTo(inserted.wrappedKey());
        assertThat(found.createdAt()).isEqualTo(inserted.createdAt());
        assertThat(found.erased()).isFalse();
        assertThat(store().find(BOB)).isEmpty();
    }

    @Test
    void keeps_the_first_key_and_returns_it_to_a_later_insert() {
        store().insertIfAbsent(ALICE, bytes(1));

        assertThat(store().insertIfAbsent(ALICE, bytes(2)).wrappedKey()).isEqualTo(bytes(1));
        assertThat(store().find(ALICE).orElseThrow().wrappedKey()).isEqualTo(bytes(1));
    }

    @Test
    void destroying_leaves_a_tombstone_without_the_key() {
        SubjectKey inserted = store().insertIfAbsent(ALICE, bytes(1));
        store().insertIfAbsent(BOB, bytes(2));

        store().destroy(ALICE);

        SubjectKey tombstone = store().find(ALICE).orElseThrow();
        assertThat(tombstone.erased()).isTrue();
        assertThat(tombstone.wrappedKey()).isNull();
        assertThat(tombstone.createdAt()).isEqualTo(inserted.createdAt());
        assertThat(tombstone.erasedAt()).isAfterOrEqualTo(inserted.createdAt());
        assertThat(store().find(BOB).orElseThrow().wrappedKey()).isEqualTo(bytes(2));
    }

    @Test
    void destroying_again_keeps_the_first_erasure() throws InterruptedException {
        store().insertIfAbsent(ALICE, bytes(1));
        store().destroy(ALICE);
        SubjectKey first = store().find(ALICE).orElseThrow();
        Thread.sleep(5);

        store().destroy(ALICE);

        assertThat(store().find(ALICE).orElseThrow().erasedAt()).isEqualTo(first.erasedAt());
    }

    @Test
    void destroying_an_unknown_subject_records_a_tombstone() {
        store().destroy(ALICE);

        assertThat(store().find(ALICE).orElseThrow().erased()).isTrue();
    }

    @Test
    void an_erased_subject_gets_no_new_key() {
        store().insertIfAbsent(ALICE, bytes(1));
        store().destroy(ALICE);

        SubjectKey afterwards = store().insertIfAbsent(ALICE, bytes(2));

        assertThat(afterwards.erased()).isTrue();
        assertThat(store().find(ALICE).orElseThrow().wrappedKey()).isNull();
    }

    @Test
    void concurrent_inserts_for_one_subject_all_get_the_same_key() throws Exception {
        List<SubjectKey> results = Race.of(16, thread -> store().insertIfAbsent(ALICE, bytes(thread)));

        byte[] stored = store().find(ALICE).orElseThrow().wrappedKey();
        assertThat(results).allSatisfy(result -> assertThat(result.wrappedKey()).isEqualTo(stored));
    }

    @Test
    void a_destroy_racing_with_inserts_leaves_a_tombstone() throws Exception {
        Race.of(16, thread -> {
            if (thread % 2 == 0) {
                store().insertIfAbsent(ALICE, bytes(thread));
            } else {
                store().destroy(ALICE);
            }
            return thread;
        });

        assertThat(store().find(ALICE).orElseThrow().erased()).isTrue();
    }

    static byte[] bytes(int seed) {
        byte[] bytes = new byte[40];
        Arrays.fill(bytes, (byte) seed);
        return bytes;
    }
}
