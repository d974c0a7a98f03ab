package io.pantrade.app;

import org.axonframework.deadline.DeadlineManager;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Deadlines in the embedded mode outlive the engine that scheduled them: one pending at a stop
 * fires in the engine started next on the same data directory; one cancelled before the stop is
 * removed at once and never fires.
 */
class DeadlineRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void a_pending_deadline_fires_after_a_restart_and_a_cancelled_one_never_does() {
        DeadlineProbe.Armed kept;
        DeadlineProbe.Armed cancelled;
        try (Engine engine = Engine.start(dataDir)) {
            // more than a poll interval (5 s) ahead: this engine, stopped at once, never queues them
            Instant due = Instant.now().plusSeconds(7);
            cancelled = DeadlineProbe.arm(engine, due);
            DeadlineProbe.disarm(engine, cancelled.probeId());
            // removed, not kept for days in JobRunr's DELETED state
            StorageProvider jobs = engine.bean(DeadlineStorage.class).jobs();
            assertThatThrownBy(() -> jobs.getJobById(UUID.fromString(cancelled.scheduleId())))
                    .isInstanceOf(JobNotFoundException.class);
            kept = DeadlineProbe.arm(engine, due);
        }
        Instant stopped = Instant.now();

        try (Engine restarted = Engine.start(dataDir)) {
            Instant fired = await().atMost(Duration.ofSeconds(30))
                    .until(() -> DeadlineProbe.firedAt(restarted, kept.probeId()), Optional::isPresent).orElseThrow();
            assertThat(fired).isAfter(stopped);

            // had the cancelled one been left, it would have been queued with the kept one, due at the same instant
            DeadlineProbe.awaitNoneLeftToRun(restarted);
            assertThat(DeadlineProbe.firedAt(restarted, cancelled.probeId())).isEmpty();

            // as if JobRunr had already purged it: cancelling must not fail the caller's unit of work
            assertThatCode(() -> restarted.bean(DeadlineManager.class).cancelSchedule("probe", UUID.randomUUID().toString()))
                    .doesNotThrowAnyException();
        }
    }
}
