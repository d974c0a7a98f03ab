package io.pantrade.query;

import io.pantrade.web.NotReadyException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class RefreshedModelTest {

    @Test
    void until_the_first_build_finishes_a_query_is_told_to_retry_and_never_waits_for_it() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (RefreshedModel<String> model = new RefreshedModel<>("test model", () -> {
            awaitQuietly(release);
            return "built";
        }, Duration.ofHours(1))) {
            assertThatThrownBy(model::current).isInstanceOf(NotReadyException.class)
                    .hasMessage("no test model yet: it is being built from the read models");
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> ready(model));
            assertThat(model.current()).isEqualTo("built");
        }
    }

    @Test
    void a_rebuild_replaces_the_snapshot_while_queries_keep_reading_the_previous_one() {
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(1);
        try (RefreshedModel<Integer> model = new RefreshedModel<>("test model", () -> {
            int build = builds.incrementAndGet();
            if (build == 3) {
                awaitQuietly(third);
            }
            return build;
        }, Duration.ofMillis(10))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> builds.get() == 3);
            assertThat(model.current()).isEqualTo(2);
            third.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> model.current() >= 3);
        }
    }

    @Test
    void a_failed_rebuild_keeps_the_last_good_snapshot() {
        AtomicInteger builds = new AtomicInteger();
        try (RefreshedModel<String> model = new RefreshedModel<>("test model", () -> {
            if (builds.incrementAndGet() > 1) {
                throw new IllegalStateException("read model unreachable");
            }
            return "first";
        }, Duration.ofMillis(10))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> builds.get() >= 4);
            assertThat(model.current()).isEqualTo("first");
        }
    }

    @Test
    void a_failed_first_build_is_tried_again_within_seconds_not_a_whole_interval() {
        AtomicInteger builds = new AtomicInteger();
        try (RefreshedModel<String> model = new RefreshedModel<>("test model", () -> {
            if (builds.incrementAndGet() == 1) {
                throw new IllegalStateException("read model unreachable");
            }
            return "second";
        }, Duration.ofHours(1))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> ready(model));
            assertThat(model.current()).isEqualTo("second");
        }
    }

    private static boolean ready(RefreshedModel<?> model) {
        try {
            model.current();
            return true;
        } catch (NotReadyException notYet) {
            return false;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
