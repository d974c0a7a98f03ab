package io.pantrade.bench;

import io.pantrade.bench.RawAppend.RawEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Events appended to a real H2 file as the engine stores them, counted back after the writer closed it. */
class EventCountTest {

    record Other(String id) {
    }

    @TempDir
    Path dir;

    @Test
    void counts_events_by_payload_type_and_only_those_stamped_since_the_given_instant() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("pantrade") + ";WRITE_DELAY=0");
        dataSource.setUser("sa");
        JdbcEventStorageEngine engine = RawAppend.storageEngine(dataSource, JacksonSerializer.defaultSerializer());
        // stamps with no, one and three fraction digits: Axon must write them so that text order is time order
        append(engine, "a", 0, new RawEvent("e0", "a", 0, "before"), "2026-01-01T12:00:00Z");
        append(engine, "a", 1, new RawEvent("e1", "a", 1, "x"), "2026-01-01T12:00:00.5Z");
        append(engine, "a", 2, new RawEvent("e2", "a", 2, "x"), "2026-01-01T12:00:01.250Z");
        append(engine, "b", 0, new Other("b"), "2026-01-01T12:00:02Z");
        dataSource.getConnection().createStatement().execute("SHUTDOWN");

        List<EventCount.TypeCount> all = EventCount.count(dir.resolve("pantrade"), "");
        List<EventCount.TypeCount> since = EventCount.count(dir.resolve("pantrade"), "2026-01-01T12:00:00.500Z");

        assertThat(all).extracting(EventCount.TypeCount::payloadType, EventCount.TypeCount::events)
                .containsExactly(tuple(RawEvent.class.getName(), 3L),
                        tuple(Other.class.getName(), 1L));
        assertThat(since).extracting(EventCount.TypeCount::events).containsExactly(2L, 1L);
        assertThat(all.get(0).meanBytes()).isPositive();
    }

    private static void append(JdbcEventStorageEngine engine, String aggregateId, long sequence, Object payload,
                               String at) {
        engine.appendEvents(new GenericDomainEventMessage<>("T", aggregateId, sequence, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), Instant.parse(at)));
    }
}
