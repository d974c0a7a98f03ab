package io.pantrade.command.idempotency;

import io.pantrade.testing.Race;
import io.pantrade.command.idempotency.IdempotencyStore.Claim;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link IdempotencyStore} must do; each store's test runs these against it. */
abstract class IdempotencyStoreContract {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(30);
    static final String KEY = "order-7f3c-attempt";
    static final String REQUEST = RequestFingerprintTest.FINGERPRINT.of("POST", "/api/orders", json("{\"sku\":\"A\",\"quantity\":1}"));
    static final String OTHER_REQUEST = RequestFingerprintTest.FINGERPRINT.of("POST", "/api/orders", json("{\"sku\":\"A\",\"quantity\":2}"));
    static final StoredResponse CREATED = new StoredResponse(201, "application/json",
            "/api/orders/0b8f4e5a-1c2d-4e3f-8a9b-0c1d2e3f4a5b",
            new byte[]{'{', '"', 'i', 'd', '"', ':', 0, (byte) 0xFF, (byte) 0xC3, (byte) 0x28, '}'});

    abstract IdempotencyStore store();

    @Test
    void the_first_request_with_a_key_runs() {
        assertThat(store().claim(KEY, REQUEST, T0, LEASE)).isInstanceOf(Claim.Acquired.class);
    }

    @Test
    void the_same_request_again_while_the_first_runs_is_told_it_is_still_running() {
        store().claim(KEY, REQUEST, T0, LEASE);

        assertThat(store().claim(KEY, REQUEST, T0.plusSeconds(1), LEASE)).isInstanceOf(Claim.StillRunning.class);
        assertThat(store().claim(KEY, REQUEST, T0.plus(LEASE), LEASE)).isInstanceOf(Claim.StillRunning.class);
    }

    @Test
    void the_same_request_after_the_answer_gets_exactly_the_stored_answer() {
        store().claim(KEY, REQUEST, T0, LEASE);
        store().complete(KEY, CREATED);

        assertAnswered(store().claim(KEY, REQUEST, T0.plusSeconds(1), LEASE), CREATED);
        // an answered key is never taken over, however old
        assertAnswered(store().claim(KEY, REQUEST, T0.plus(Duration.ofDays(1)), LEASE), CREATED);
    }

    @Test
    void an_answer_without_content_type_location_or_body_is_replayed_as_such() {
        StoredResponse accepted = new StoredResponse(202, null, null, new byte[0]);
        store().claim(KEY, REQUEST, T0, LEASE);
        store().complete(KEY, accepted);

        assertAnswered(store().claim(KEY, REQUEST, T0.plusSeconds(1), LEASE), accepted);
    }

    @Test
    void a_large_answer_is_replayed_byte_for_byte() {
        byte[] body = new byte[200_000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31);
        }
        StoredResponse large = new StoredResponse(200, "application/octet-stream", null, body);
        store().claim(KEY, REQUEST, T0, LEASE);
        store().complete(KEY, large);

        assertAnswered(store().claim(KEY, REQUEST, T0.plusSeconds(1), LEASE), large);
    }

    @Test
    void another_request_with_the_same_key_is_refused_while_running_and_after_the_answer() {
        store().claim(KEY, REQUEST, T0, LEASE);

        assertThat(store().claim(KEY, OTHER_REQUEST, T0.plusSeconds(1), LEASE))
                .isInstanceOf(Claim.UsedForAnotherRequest.class);
        assertThat(store().claim(KEY, OTHER_REQUEST, T0.plus(LEASE).plusSeconds(1), LEASE))
                .isInstanceOf(Claim.UsedForAnotherRequest.class);

        store().complete(KEY, CREATED);

        assertThat(store().claim(KEY, OTHER_REQUEST, T0.plusSeconds(2), LEASE))
                .isInstanceOf(Claim.UsedForAnotherRequest.class);
        assertAnswered(store().claim(KEY, REQUEST, T0.plusSeconds(2), LEASE), CREATED);
    }

    @Test
    void keys_are_independent() {
        store().claim(KEY, REQUEST, T0, LEASE);
        store().complete(KEY, CREATED);

        assertThat(store().claim("another-key", REQUEST, T0, LEASE)).isInstanceOf(Claim.Acquired.class);
        assertThat(store().claim("yet-another-key", OTHER_REQUEST, T0, LEASE)).isInstanceOf(Claim.Acquired.class);
        assertThat(store().claim("another-key", REQUEST, T0.plusSeconds(1), LEASE)).isInstanceOf(Claim.StillRunning.class);
    }

    @Test
    void a_released_key_runs_the_retry_again() {
        store().claim(KEY, REQUEST, T0, LEASE);

        store().release(KEY);

        assertThat(store().claim(KEY, REQUEST, T0.plusSeconds(1), LEASE)).isInstanceOf(Claim.Acquired.class);
        assertThat(store().claim(KEY, REQUEST, T0.plusSeconds(2), LEASE)).isInstanceOf(Claim.StillRunning.class);
    }

    @Test
    void releasing_an_answered_key_keeps_its_answer() {
        store().claim(KEY, REQUEST, T0, LEASE);
        store().complete(KEY, CREATED);

        store().release(KEY);

        assertAnswered(store().claim(KEY, REQUEST, T0.plusSeconds(1), LEASE), CREATED);
    }

    @Test
    void a_claim_abandoned_for_longer_than_the_lease_is_taken_over_and_renewed() {
        store().claim(KEY, REQUEST, T0, LEASE);
        Instant abandoned = T0.plus(LEASE).plusMillis(1);

        assertThat(store().claim(KEY, REQUEST, abandoned, LEASE)).isInstanceOf(Claim.Acquired.class);
        assertThat(store().claim(KEY, REQUEST, abandoned, LEASE)).isInstanceOf(Claim.StillRunning.class);
        assertThat(store().claim(KEY, REQUEST, abandoned.plus(LEASE), LEASE)).isInstanceOf(Claim.StillRunning.class);

        store().complete(KEY, CREATED);
        assertAnswered(store().claim(KEY, REQUEST, abandoned.plusSeconds(1), LEASE), CREATED);
    }

    @Test
    void an_abandoned_claim_is_taken_over_by_exactly_one_of_racing_retries() throws Exception {
        for (int round = 0; round < 10; round++) {
            String key = KEY + "-" + round;
            store().claim(key, REQUEST, T0, LEASE);
            Instant later = T0.plus(LEASE).plusSeconds(5);

            // retries arrive a few milliseconds apart, as they would
            List<Claim> claims = Race.of(8, thread -> store().claim(key, REQUEST, later.plusMillis(thread), LEASE));

            assertThat(claims).filteredOn(Claim.Acquired.class::isInstance).as("round %d", round).hasSize(1);
            assertThat(claims).filteredOn(Claim.StillRunning.class::isInstance).as("round %d", round).hasSize(7);
        }
    }

    @Test
    void a_new_key_is_claimed_by_exactly_one_of_racing_requests() throws Exception {
        for (int round = 0; round < 10; round++) {
            String key = KEY + "-new-" + round;

            List<Claim> claims = Race.of(8, thread -> store().claim(key, REQUEST, T0.plusMillis(thread), LEASE));

            assertThat(claims).filteredOn(Claim.Acquired.class::isInstance).as("round %d", round).hasSize(1);
            assertThat(claims).filteredOn(Claim.StillRunning.class::isInstance).as("round %d", round).hasSize(7);
        }
    }

    @Test
    void purging_removes_only_the_records_created_before_the_cutoff() {
        store().claim("old-answered", REQUEST, T0, LEASE);
        store().complete("old-answered", CREATED);
        store().claim("old-running", REQUEST, T0.plusSeconds(10), LEASE);
        store().claim("at-cutoff", REQUEST, T0.plus(Duration.ofHours(1)), LEASE);
        store().claim("recent", REQUEST, T0.plus(Duration.ofHours(2)), LEASE);
        store().complete("recent", CREATED);

        assertThat(store().purgeCreatedBefore(T0.plus(Duration.ofHours(1)))).isEqualTo(2);

        Instant now = T0.plus(Duration.ofHours(1)).plusSeconds(1);
        assertThat(store().claim("old-answered", OTHER_REQUEST, now, LEASE)).isInstanceOf(Claim.Acquired.class);
        assertThat(store().claim("old-running", OTHER_REQUEST, now, LEASE)).isInstanceOf(Claim.Acquired.class);
        assertThat(store().claim("at-cutoff", REQUEST, now, LEASE)).isInstanceOf(Claim.StillRunning.class);
        assertAnswered(store().claim("recent", REQUEST, now, LEASE), CREATED);
        assertThat(store().purgeCreatedBefore(T0)).isZero();
    }

    static void assertAnswered(Claim claim, StoredResponse expected) {
        assertThat(claim).isInstanceOf(Claim.AlreadyAnswered.class);
        StoredResponse replayed = ((Claim.AlreadyAnswered) claim).response();
        assertThat(replayed.status()).isEqualTo(expected.status());
        assertThat(replayed.contentType()).isEqualTo(expected.contentType());
        assertThat(replayed.location()).isEqualTo(expected.location());
        assertThat(replayed.body()).isEqualTo(expected.body());
    }

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
