package io.pantrade.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.pantrade.embedded.EmbeddedMongoServer;
import io.pantrade.embedded.MongoConnections;
import io.pantrade.kernel.Money;
import io.pantrade.kernel.behaviour.ProductAddedToCart;
import io.pantrade.kernel.behaviour.ProductCatalogued;
import io.pantrade.kernel.behaviour.ProductRated;
import io.pantrade.kernel.behaviour.ProductViewed;
import io.pantrade.kernel.behaviour.ReturnId;
import io.pantrade.kernel.behaviour.ReturnRecorded;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderCancelled;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.order.OrderLine;
import io.pantrade.kernel.order.OrderPlaced;
import io.pantrade.kernel.privacy.SealedText;
import io.pantrade.projection.ProjectionProcessing;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import io.pantrade.projection.behaviour.BehaviourProjection;
import io.pantrade.projection.behaviour.BehaviourReadModel;
import io.pantrade.projection.behaviour.BehaviourWeights;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;

import javax.annotation.Nonnull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * How fast the behaviour projection rebuilds: N generated events in an in-memory event store (so
 * reading them costs next to nothing), replayed by the projection's processor as the application
 * registers it, into the embedded MongoDB server over TCP. Two mixes: {@code live} (mostly views and
 * carts of many customers, orders of a few lines) and {@code import} (orders of 20 lines from a
 * few thousand customers, as the UCI Online Retail history looks: many new co-occurrence pairs).
 * <pre>
 *   ./mvnw -o -q -pl bench -am compile dependency:build-classpath -Dmdep.outputFile=/tmp/bench.cp
 *   java -cp bench/target/classes:$(cat /tmp/bench.cp) io.pantrade.bench.BehaviourRebuildBench live 200000
 * </pre>
 * Arguments: mix, events, co-occurrence cap (20), events per batch (500, as the application's
 * default; the pooled processor hands a batch at most the ~1,000 events its work package buffers).
 * Cancellations read their orders from the store by aggregate, as the H2 and Axon Server stores do.
 */
public final class BehaviourRebuildBench {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private BehaviourRebuildBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        boolean importMix = args.length > 0 && args[0].equals("import");
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int cap = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int batchSize = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        List<EventMessage<?>> history = importMix ? importHistory(events) : liveHistory(events);
        AggregateIndexedEngine store = new AggregateIndexedEngine();
        for (int from = 0; from < history.size(); from += 10_000) {
            store.appendEvents(history.subList(from, Math.min(from + 10_000, history.size())));
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(0);
             MongoClient client = MongoConnections.connect(server.connectionString())) {
            MongoDatabase readModels = client.getDatabase("bench");
            Configurer configurer = DefaultConfigurer.defaultConfiguration()
                    .configureEmbeddedEventStore(c -> store)
                    .configureSerializer(c -> JacksonSerializer.defaultSerializer());
            configurer.eventProcessing(processing -> {
                processing.registerEventHandler(c -> new BehaviourProjection(new BehaviourReadModel(readModels),
                        c.eventStore(), new BehaviourWeights(1.0, 0.5, 0.1, 0.5), cap));
                ProjectionProcessing.register(processing, BehaviourProjection.PROCESSOR, readModels,
                        new ProjectionTuning(batchSize, 1));
            });
            long head = history.size() - 1;
            long started = System.nanoTime();
            Configuration configuration = configurer.start();
            StreamingEventProcessor processor = configuration.eventProcessingConfiguration()
                    .eventProcessor(BehaviourProjection.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
            while (position(processor) < head) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%s mix, cap %d, batches of %d: %d events in %.1f s = %.0f events/s; %d customers, %d item rows%n",
                    importMix ? "import" : "live", cap, batchSize, history.size(), seconds, history.size() / seconds,
                    readModels.getCollection("behaviour_customers").countDocuments(),
                    readModels.getCollection("behaviour_items").countDocuments());
            configuration.shutdown();
        }
    }

    /**
     * Axon's in-memory engine finds an aggregate's events by scanning the whole store; the H2 and
     * Axon Server stores look them up by aggregate, and so does this one, for the cancellations.
     */
    private static final class AggregateIndexedEngine extends InMemoryEventStorageEngine {

        private final Map<String, List<DomainEventMessage<?>>> byAggregate = new HashMap<>();

        @Override
        public void appendEvents(@Nonnull List<? extends EventMessage<?>> events) {
            super.appendEvents(events);
            events.stream().filter(DomainEventMessage.class::isInstance).map(event -> (DomainEventMessage<?>) event)
                    .forEach(event -> byAggregate.computeIfAbsent(event.getAggregateIdentifier(), id -> new ArrayList<>())
                            .add(event));
        }

        @Override
        public DomainEventStream readEvents(@Nonnull String aggregateIdentifier, long firstSequenceNumber) {
            return DomainEventStream.of(byAggregate.getOrDefault(aggregateIdentifier, List.of()).stream()
                    .filter(event -> event.getSequenceNumber() >= firstSequenceNumber));
        }
    }

    private static long position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    /** 20k customers, 5k SKUs (popular ones far more often): 62% views, 15% carts, 5% ratings, 15% orders, 2% cancellations, 1% returns. */
    private static List<EventMessage<?>> liveHistory(int size) {
        Random random = new Random(7);
        List<CustomerId> customers = customers(20_000);
        List<EventMessage<?>> events = catalogue(5_000);
        List<OrderPlaced> orders = new ArrayList<>();
        while (events.size() < size) {
            CustomerId customer = customers.get(random.nextInt(customers.size()));
            Instant at = T0.plusSeconds(events.size());
            String sku = sku(random, 5_000);
            int dice = random.nextInt(100);
            if (dice < 62) {
                events.add(plain(new ProductViewed(customer, sku, at)));
            } else if (dice < 77) {
                events.add(plain(new ProductAddedToCart(customer, sku, 1, at)));
            } else if (dice < 82) {
                events.add(plain(new ProductRated(customer, sku, 1 + random.nextInt(5), at)));
            } else if (dice < 97) {
                OrderPlaced placed = order(customer, at, random, 1 + random.nextInt(5), 5_000);
                orders.add(placed);
                events.add(domain("Order", placed.orderId().value(), 0, placed));
            } else if (dice < 99 && !orders.isEmpty()) {
                OrderPlaced cancelled = orders.remove(orders.size() - 1);
                events.add(domain("Order", cancelled.orderId().value(), 1, new OrderCancelled(cancelled.orderId(), "bench")));
            } else {
                events.add(returned(customer, at, sku));
            }
        }
        return events;
    }

    /** 4,300 customers, 4,000 SKUs, orders of 20 lines, a return now and then: an imported retail history. */
    private static List<EventMessage<?>> importHistory(int size) {
        Random random = new Random(11);
        List<CustomerId> customers = customers(4_300);
        List<EventMessage<?>> events = catalogue(4_000);
        while (events.size() < size) {
            CustomerId customer = customers.get(random.nextInt(customers.size()));
            Instant at = T0.plusSeconds(events.size() * 60L);
            if (random.nextInt(100) < 10) {
                events.add(returned(customer, at, sku(random, 4_000)));
            } else {
                OrderPlaced placed = order(customer, at, random, 20, 4_000);
                events.add(domain("Order", placed.orderId().value(), 0, placed));
            }
        }
        return events;
    }

    private static List<CustomerId> customers(int count) {
        List<CustomerId> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            customers.add(new CustomerId(UUID.randomUUID().toString()));
        }
        return customers;
    }

    private static List<EventMessage<?>> catalogue(int skus) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < skus; i++) {
            events.add(plain(new ProductCatalogued("SKU-" + i, "product " + i, "category-" + i % 12)));
        }
        return events;
    }

    /** Skewed: half the picks come from the first tenth of the SKUs. */
    private static String sku(Random random, int skus) {
        int bound = random.nextBoolean() ? skus / 10 : skus;
        return "SKU-" + random.nextInt(bound);
    }

    private static OrderPlaced order(CustomerId customer, Instant at, Random random, int lines, int skus) {
        List<OrderLine> orderLines = new ArrayList<>();
        Money total = Money.zero("EUR");
        for (int i = 0; i < lines; i++) {
            OrderLine line = new OrderLine(sku(random, skus), 1 + random.nextInt(6), new Money(100 + random.nextInt(900), "EUR"));
            orderLines.add(line);
            total = total.plus(line.lineTotal());
        }
        return new OrderPlaced(OrderId.random(), customer, orderLines, total, new SealedText(customer.value(), "c2VhbGVk"), at);
    }

    private static EventMessage<?> returned(CustomerId customer, Instant at, String sku) {
        ReturnId id = new ReturnId(UUID.randomUUID().toString());
        OrderLine line = new OrderLine(sku, 1, new Money(300, "EUR"));
        return domain("Return", id.value(), 0, new ReturnRecorded(id, customer, List.of(line), line.lineTotal(), at));
    }

    private static EventMessage<?> plain(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }

    private static EventMessage<?> domain(String type, String id, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, id, sequence, payload);
    }
}
