package io.pantrade.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In the embedded mode a saga's dead letters outlive the engine, in the H2 file; a projection's do
 * not: its read model is rebuilt at start by handling every event again, the parked one included.
 */
class DeadLetterRestartTest {

    private static final String[] FAST_BACK_OFF = {"pantrade.dead-letters.first-retry=PT0.02S",
            "pantrade.dead-letters.max-retry=PT0.05S", "pantrade.dead-letters.attempts=2",
            "pantrade.dead-letters.poll-interval=PT0.05S"};

    @TempDir
    Path dataDir;

    @Test
    void saga_letters_survive_a_restart_and_projection_letters_are_replaced_by_the_rebuild() {
        String probe = UUID.randomUUID().toString();
        try (Engine engine = Engine.start(dataDir, FAST_BACK_OFF)) {
            FaultProbe.failNext(FaultProbe.PROJECTION, probe, 1, Integer.MAX_VALUE);
            FaultProbe.failNext(FaultProbe.SAGA, probe, 1, Integer.MAX_VALUE);
            FaultProbe.record(engine, probe, 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> parked(engine, FaultProbe.PROJECTION, probe)
                    && parked(engine, FaultProbe.SAGA, probe));
        }
        FaultProbe.fix(probe);

        try (Engine restarted = Engine.start(dataDir, FAST_BACK_OFF)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> FaultProbeProjection.writes(restarted, probe, 1) == 1);
            assertThat(letters(restarted, FaultProbe.PROJECTION).path("letters").asInt()).isZero();
            assertThat(parked(restarted, FaultProbe.SAGA, probe)).isTrue();
            assertThat(FaultProbeSaga.seen(restarted, probe)).isEmpty();

            JsonNode outcome = restarted.http().post("/api/admin/dead-letters/" + FaultProbe.SAGA + "/" + probe + "/retry",
                    null).json();
            assertThat(outcome.path("outcome").asText()).isEqualTo("PROCESSED");
            assertThat(FaultProbeSaga.seen(restarted, probe)).containsExactly(1);
            assertThat(FaultProbeProjection.writes(restarted, probe, 1)).isEqualTo(1);
        }
    }

    private static boolean parked(Engine engine, String group, String probe) {
        for (JsonNode sequence : letters(engine, group).path("deadLetters")) {
            if (sequence.path("sequenceId").asText().equals(probe)) {
                return sequence.path("state").asText().equals("PARKED");
            }
        }
        return false;
    }

    private static JsonNode letters(Engine engine, String group) {
        return engine.http().get("/api/admin/dead-letters/" + group).json();
    }
}
