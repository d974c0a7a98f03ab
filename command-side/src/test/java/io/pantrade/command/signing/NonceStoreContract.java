package io.pantrade.command.signing;

import io.pantrade.testing.Race;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link NonceStore} must do; each store's test runs these against it. */
abstract class NonceStoreContract {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final String NONCE = "kM3x9QpL2vT8wZr4yB6nHc";

    abstract NonceStore store();

    @Test
    void a_nonce_is_accepted_once_per_client() {
        assertThat(store().useOnce("shop-web", NONCE, T0)).isTrue();

        assertThat(store().useOnce("shop-web", NONCE, T0.plusSeconds(1))).isFalse();
        assertThat(store().useOnce("shop-web", NONCE, T0.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void clients_have_their_nonces_apart() {
        store().useOnce("shop-web", NONCE, T0);

        assertThat(store().useOnce("pos-7", NONCE, T0)).isTrue();
        assertThat(store().useOnce("shop-web", NONCE + "x", T0)).isTrue();
        assertThat(store().useOnce("pos-7", NONCE, T0)).isFalse();
    }

    @Test
    void a_nonce_sent_by_racing_requests_is_accepted_for_exactly_one() throws Exception {
        for (int round = 0; round < 10; round++) {
            String nonce = NONCE + round;

            List<Boolean> accepted = Race.of(8, thread -> store().useOnce("shop-web", nonce, T0.plusMillis(thread)));

            assertThat(accepted).as("round %d", round).containsOnlyOnce(true);
        }
    }

    @Test
    void purging_removes_only_the_nonces_used_before_the_cutoff() {
        store().useOnce("shop-web", "old-old-old-old-old-old", T0);
        store().useOnce("pos-7", "old-old-old-old-old-old", T0.plusSeconds(30));
        store().useOnce("shop-web", "at-the-cutoff-at-the-cutoff", T0.plusSeconds(600));
        store().useOnce("shop-web", "recent-recent-recent-re", T0.plusSeconds(900));

        assertThat(store().purgeUsedBefore(T0.plusSeconds(600))).isEqualTo(2);

        assertThat(store().useOnce("shop-web", "at-the-cutoff-at-the-cutoff", T0.plusSeconds(901))).isFalse();
        assertThat(store().useOnce("shop-web", "recent-recent-recent-re", T0.plusSeconds(901))).isFalse();
        assertThat(store().useOnce("shop-web", "old-old-old-old-old-old", T0.plusSeconds(901))).isTrue();
        assertThat(store().useOnce("pos-7", "old-old-old-old-old-old", T0.plusSeconds(901))).isTrue();
        assertThat(store().purgeUsedBefore(T0)).isZero();
    }
}
