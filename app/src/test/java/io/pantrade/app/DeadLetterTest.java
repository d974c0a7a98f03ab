package io.pantrade.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.pantrade.app.OrderApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection or saga handler that throws: its event is retried with back-off, then parked in the
 * group's dead-letter queue (kept with Axon's state: the H2 file here) while later events of the same
 * aggregate queue behind it and other aggregates' events go on; an operator's retry over HTTP, once
 * the fault is fixed, handles the parked and queued events exactly once; eviction drops them.
 * Back-off is tiny here: three failed handlings, a few milliseconds apart, park a letter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterTest {

    private static final String API = "/api/admin/dead-letters/";

    /**
     * Static, so it is set before @BeforeAll for this class and its MongoDB subclass alike (as an
     * instance field it left the subclass's engine on a directory named "null").
     */
    @TempDir
    static Path dataDir;

    Engine engine;
    Http http;

    /** Properties for the engine under test besides the tiny back-off. */
    String[] engineProperties() {
        return new String[0];
    }

    @BeforeAll
    void start() {
        List<String> properties = new ArrayList<>(List.of(engineProperties()));
        properties.addAll(List.of("pantrade.dead-letters.first-retry=PT0.02S", "pantrade.dead-letters.max-retry=PT0.05S",
                "pantrade.dead-letters.attempts=3", "pantrade.dead-letters.poll-interval=PT0.05S"));
        engine = Engine.start(dataDir, properties.toArray(String[]::new));
        http = engine.http();
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    @Test
    void a_failing_projection_event_is_parked_its_aggregate_waits_and_a_retry_handles_it_once() {
        String probe = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        FaultProbe.failNext(FaultProbe.PROJECTION, probe, 2, Integer.MAX_VALUE);
        FaultProbe.record(engine, probe, 1);
        FaultProbe.record(engine, probe, 2);
        FaultProbe.record(engine, probe, 3);
        FaultProbe.record(engine, other, 1);

        JsonNode sequence = awaitParked(FaultProbe.PROJECTION, probe);
        assertThat(sequence.path("letters")).hasSize(2);
        JsonNode parked = sequence.path("letters").get(0);
        assertThat(parked.path("aggregateId").asText()).isEqualTo(probe);
        assertThat(parked.path("aggregateSequenceNumber").asLong()).isEqualTo(1);
        assertThat(parked.path("eventType").asText()).isEqualTo(FaultProbe.Recorded.class.getName());
        assertThat(parked.path("failures").asInt()).isEqualTo(3);
        assertThat(parked.path("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(parked.path("causeMessage").asText()).contains("fault injected");
        assertThat(parked.has("payload")).isFalse();
        assertThat(sequence.path("letters").get(1).path("state").asText()).isEqualTo("QUEUED");
        assertThat(sequence.path("letters").get(1).path("aggregateSequenceNumber").asLong()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).until(() -> FaultProbeProjection.writes(engine, other, 1) == 1);
        assertThat(FaultProbeProjection.writes(engine, probe, 1)).isEqualTo(1);
        assertThat(FaultProbeProjection.writes(engine, probe, 2)).isZero();
        assertThat(FaultProbeProjection.writes(engine, probe, 3)).isZero();

        FaultProbe.fix(probe);
        JsonNode outcome = http.post(API + FaultProbe.PROJECTION + "/" + probe + "/retry", null).json();
        assertThat(outcome.path("outcome").asText()).isEqualTo("PROCESSED");
        assertThat(outcome.path("remaining")).isEmpty();
        assertThat(sequence(FaultProbe.PROJECTION, probe)).isNull();
        for (int number = 1; number <= 3; number++) {
            assertThat(FaultProbeProjection.writes(engine, probe, number)).isEqualTo(1);
            assertThat(FaultProbe.timesHandled(FaultProbe.PROJECTION, probe, number)).isEqualTo(1);
        }

        FaultProbe.record(engine, probe, 4);
        await().atMost(Duration.ofSeconds(20)).until(() -> FaultProbeProjection.writes(engine, probe, 4) == 1);
    }

    @Test
    void a_failing_saga_event_is_parked_without_the_changes_it_made_and_a_retry_commits_them_once() {
        String probe = UUID.randomUUID().toString();
        FaultProbe.failNext(FaultProbe.SAGA, probe, 2, Integer.MAX_VALUE);
        FaultProbe.record(engine, probe, 1);
        FaultProbe.record(engine, probe, 2);
        FaultProbe.record(engine, probe, 3);

        JsonNode sequence = awaitParked(FaultProbe.SAGA, probe);
        assertThat(sequence.path("letters")).hasSize(2);
        assertThat(sequence.path("letters").get(0).path("aggregateSequenceNumber").asLong()).isEqualTo(1);
        assertThat(FaultProbeSaga.seen(engine, probe)).containsExactly(1);

        FaultProbe.fix(probe);
        assertThat(http.post(API + FaultProbe.SAGA + "/" + probe + "/retry", null).json().path("outcome").asText())
                .isEqualTo("PROCESSED");
        assertThat(FaultProbeSaga.seen(engine, probe)).containsExactly(1, 2, 3);
        assertThat(FaultProbe.timesHandled(FaultProbe.SAGA, probe, 2)).isEqualTo(1);
        assertThat(sequence(FaultProbe.SAGA, probe)).isNull();
    }

    @Test
    void a_handler_that_fails_only_for_a_while_is_retried_until_it_succeeds() {
        String probe = UUID.randomUUID().toString();
        FaultProbe.failNext(FaultProbe.PROJECTION, probe, 1, 2);
        FaultProbe.failNext(FaultProbe.SAGA, probe, 1, 2);
        FaultProbe.record(engine, probe, 1);

        await().atMost(Duration.ofSeconds(20)).until(() -> FaultProbeProjection.writes(engine, probe, 1) == 1
                && FaultProbeSaga.seen(engine, probe).equals(List.of(1)));
        assertThat(FaultProbe.timesHandled(FaultProbe.PROJECTION, probe, 1)).isEqualTo(1);
        assertThat(FaultProbe.timesHandled(FaultProbe.SAGA, probe, 1)).isEqualTo(1);
        assertThat(sequence(FaultProbe.PROJECTION, probe)).isNull();
        assertThat(sequence(FaultProbe.SAGA, probe)).isNull();
    }

    @Test
    void an_evicted_sequence_is_never_handled_and_the_aggregate_goes_on() {
        String probe = UUID.randomUUID().toString();
        FaultProbe.failNext(FaultProbe.PROJECTION, probe, 1, Integer.MAX_VALUE);
        FaultProbe.record(engine, probe, 1);
        FaultProbe.record(engine, probe, 2);
        awaitParked(FaultProbe.PROJECTION, probe);

        assertThat(http.delete(API + FaultProbe.PROJECTION + "/" + probe).status()).isEqualTo(204);
        assertThat(sequence(FaultProbe.PROJECTION, probe)).isNull();
        FaultProbe.record(engine, probe, 3);
        await().atMost(Duration.ofSeconds(20)).until(() -> FaultProbeProjection.writes(engine, probe, 3) == 1);
        assertThat(FaultProbeProjection.writes(engine, probe, 1)).isZero();
        assertThat(FaultProbeProjection.writes(engine, probe, 2)).isZero();
    }

    @Test
    void retrying_a_group_retries_each_of_its_sequences() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        FaultProbe.failNext(FaultProbe.PROJECTION, first, 1, Integer.MAX_VALUE);
        FaultProbe.failNext(FaultProbe.PROJECTION, second, 1, Integer.MAX_VALUE);
        FaultProbe.record(engine, first, 1);
        FaultProbe.record(engine, second, 1);
        awaitParked(FaultProbe.PROJECTION, first);
        awaitParked(FaultProbe.PROJECTION, second);

        FaultProbe.fix(first);
        JsonNode outcome = http.post(API + FaultProbe.PROJECTION + "/retry", null).json();
        assertThat(outcome.path("processed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(outcome.path("failed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(sequence(FaultProbe.PROJECTION, first)).isNull();
        assertThat(sequence(FaultProbe.PROJECTION, second).path("letters").get(0).path("failures").asInt()).isEqualTo(4);
        assertThat(FaultProbeProjection.writes(engine, first, 1)).isEqualTo(1);
        FaultProbe.fix(second);
    }

    @Test
    void unknown_groups_and_sequences_are_404_problems() {
        assertProblem(http.get(API + "no-such-group"), 404, "not-found");
        assertProblem(http.get(API + "payment-provider"), 404, "not-found");
        assertProblem(http.post(API + FaultProbe.PROJECTION + "/" + UUID.randomUUID() + "/retry", null), 404, "not-found");
        assertProblem(http.delete(API + FaultProbe.SAGA + "/" + UUID.randomUUID()), 404, "not-found");
        assertProblem(http.post(API + "no-such-group/retry", null), 404, "not-found");
    }

    @Test
    void the_listing_names_every_dead_lettering_group_but_the_excluded_ones() {
        List<String> groups = new ArrayList<>();
        Http.Reply reply = http.get("/api/admin/dead-letters");
        assertThat(reply.status()).isEqualTo(200);
        reply.json().forEach(group -> groups.add(group.path("group").asText()));
        assertThat(groups).contains(FaultProbe.PROJECTION, FaultProbe.SAGA, "order-summaries")
                .doesNotContain("payment-provider");
    }

    private JsonNode awaitParked(String group, String sequenceId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode sequence = sequence(group, sequenceId);
            return sequence != null && sequence.path("state").asText().equals("PARKED");
        });
        return sequence(group, sequenceId);
    }

    /** The sequence as the admin API lists it, null if the group has no dead letters for it. */
    private JsonNode sequence(String group, String sequenceId) {
        Http.Reply reply = http.get(API + group);
        assertThat(reply.status()).isEqualTo(200);
        for (JsonNode sequence : reply.json().path("deadLetters")) {
            if (sequence.path("sequenceId").asText().equals(sequenceId)) {
                return sequence;
            }
        }
        return null;
    }
}
