package io.pantrade.command;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class BoundedCacheTest {

    @Test
    void it_keeps_what_is_put_until_removed() {
        Cache cache = new BoundedCache(10);
        cache.put("p-1", "authorized");

        assertThat(cache.containsKey("p-1")).isTrue();
        assertThat((String) cache.get("p-1")).isEqualTo("authorized");
        assertThat(cache.remove("p-1")).isTrue();
        assertThat(cache.remove("p-1")).isFalse();
        assertThat(cache.containsKey("p-1")).isFalse();
        assertThat((String) cache.get("p-1")).isNull();
    }

    @Test
    void put_if_absent_and_the_computations_leave_a_present_entry_alone_or_change_only_it() {
        Cache cache = new BoundedCache(10);

        assertThat(cache.putIfAbsent("p-1", "first")).isTrue();
        assertThat(cache.putIfAbsent("p-1", "second")).isFalse();
        assertThat(cache.<String>computeIfAbsent("p-1", () -> "third")).isEqualTo("first");
        assertThat(cache.<String>computeIfAbsent("p-2", () -> "computed")).isEqualTo("computed");
        cache.<String>computeIfPresent("p-1", value -> value + " changed");
        cache.<String>computeIfPresent("p-3", value -> "never");

        assertThat((String) cache.get("p-1")).isEqualTo("first changed");
        assertThat(cache.containsKey("p-3")).isFalse();
        cache.removeAll();
        assertThat(cache.containsKey("p-1") || cache.containsKey("p-2")).isFalse();
    }

    @Test
    void it_holds_no_more_than_its_maximum() {
        Cache cache = new BoundedCache(100);
        IntStream.range(0, 1_000).forEach(i -> cache.put("p-" + i, i));

        // Caffeine evicts on its maintenance thread, just after the writes
        await().atMost(Duration.ofSeconds(10)).until(() ->
                IntStream.range(0, 1_000).filter(i -> cache.containsKey("p-" + i)).count() <= 100);
    }

    @Test
    void entry_listeners_are_refused_rather_than_silently_never_called() {
        assertThatThrownBy(() -> new BoundedCache(10).registerCacheEntryListener(new Cache.EntryListenerAdapter()))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
