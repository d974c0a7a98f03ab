package io.pantrade.app;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.pantrade.projection.ledger.LedgerProjection;
import io.pantrade.projection.order.OrderSummaryProjection;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What the engine puts in place of Axon's and H2's defaults, for speed, is what is in use. */
class TunedComponentsTest extends RunningEngineTest {

    @Autowired
    Configuration axon;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DataSource database;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventStorageEngine eventStorageEngine;

    @Test
    void the_database_keeps_the_configured_page_cache() throws Exception {
        assertThat(setting("info.CACHE_MAX_SIZE")).as("MB").isEqualTo("128");
    }

    @Test
    void the_database_keeps_the_statements_each_connection_parsed() throws Exception {
        assertThat(setting("QUERY_CACHE_SIZE")).isEqualTo("64");
    }

    @Test
    void the_saga_store_finds_associations_and_a_sagas_associations_by_index() throws Exception {
        // Axon's JdbcSagaStore queries, as GenericSagaSqlSchema writes them
        assertThat(plan("SELECT sagaId FROM AssociationValueEntry WHERE associationKey = 'orderId'"
                + " AND associationValue = 'o-1' AND sagaType = 'OrderFulfilmentSaga'"))
                .contains("ASSOCIATIONVALUEENTRY_ASSOCIATION");
        assertThat(plan("SELECT associationKey, associationValue FROM AssociationValueEntry"
                + " WHERE sagaId = 's-1' AND sagaType = 'OrderFulfilmentSaga'"))
                .contains("ASSOCIATIONVALUEENTRY_SAGA:");
    }

    private String setting(String name) throws Exception {
        return firstValue("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = '" + name + "'");
    }

    private String plan(String query) throws Exception {
        return firstValue("EXPLAIN " + query).toUpperCase();
    }

    private String firstValue(String query) throws Exception {
        try (Connection connection = database.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(query)) {
            assertThat(rows.next()).as(query).isTrue();
            return rows.getString(1);
        }
    }

    /** Every aggregate's configuration asks for this component, and falls back to Axon's uncached resolver. */
    @Test
    void aggregates_resolve_their_targets_with_the_cached_resolver() {
        CommandTargetResolver resolver = axon.getComponent(CommandTargetResolver.class,
                () -> AnnotationCommandTargetResolver.builder().build());

        assertThat(resolver.getClass().getSimpleName()).isEqualTo("CachedTargetResolver");
    }

    /** The aggregates a fulfilment sends several commands to in a row are not replayed for each. */
    @Test
    void payments_deliveries_and_couriers_are_kept_in_memory_between_commands_and_orders_are_not() throws Exception {
        for (String aggregate : List.of("payment.Payment", "delivery.Delivery", "delivery.Courier")) {
            assertThat(repository(aggregate)).as(aggregate).isInstanceOf(CachingEventSourcingRepository.class);
        }
        assertThat(repository("order.Order")).isNotInstanceOf(CachingEventSourcingRepository.class);
    }

    private Repository<?> repository(String aggregate) throws ClassNotFoundException {
        return axon.repository(Class.forName("io.pantrade.command." + aggregate));
    }

    @Test
    void processors_count_what_they_handle_and_ignore_and_the_buses_keep_axons_meters() {
        http.post("/api/orders", Orders.order(Orders.customer()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(handled(OrderSummaryProjection.PROCESSOR)).isPositive();
            assertThat(meters.find("pantrade.processor.ignored").tag("processor", LedgerProjection.PROCESSOR)
                    .counter().count()).isPositive();
        });
        assertThat(meters.find("pantrade.processor.lag").tag("processor", OrderSummaryProjection.PROCESSOR).gauge())
                .isNotNull();
        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .noneMatch(name -> name.startsWith(OrderSummaryProjection.PROCESSOR + "."))
                .anyMatch(name -> name.startsWith("commandBus."));
    }

    @Test
    void the_event_store_keeps_the_configured_number_of_recent_events_in_memory() throws Exception {
        Field producer = EmbeddedEventStore.class.getDeclaredField("producer");
        producer.setAccessible(true);
        Object eventProducer = producer.get(eventStore);
        Field cachedEvents = eventProducer.getClass().getDeclaredField("cachedEvents");
        cachedEvents.setAccessible(true);

        assertThat(cachedEvents.getInt(eventProducer)).isEqualTo(1000);
    }

    /** What {@code EmbeddedDatabase.persistenceExceptionResolver} is for: H2 reports it as a failed batch. */
    @Test
    void a_taken_aggregate_stream_is_refused_as_a_conflict_not_a_storage_fault() {
        String aggregateId = UUID.randomUUID().toString();
        eventStorageEngine.appendEvents(firstEventOf(aggregateId));

        assertThatThrownBy(() -> eventStorageEngine.appendEvents(firstEventOf(aggregateId)))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    private static DomainEventMessage<?> firstEventOf(String aggregateId) {
        return new GenericDomainEventMessage<>("Probe", aggregateId, 0, "first");
    }

    private long handled(String processor) {
        Search search = meters.find("pantrade.processor.handled").tag("processor", processor);
        return search.timers().stream().mapToLong(timer -> timer.count()).sum();
    }
}
