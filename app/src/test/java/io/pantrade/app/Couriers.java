package io.pantrade.app;

import io.pantrade.app.Http.Reply;
import io.pantrade.kernel.delivery.CreateDelivery;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.delivery.GeoPoint;
import io.pantrade.kernel.delivery.ParcelSize;
import io.pantrade.kernel.delivery.TimeWindow;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.privacy.SealedText;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Couriers and deliveries in the engine under test: couriers through the API, deliveries created
 * the way the fulfilment saga creates them (a command), and what the event store holds for either.
 */
final class Couriers {

    static final String NAME = "Grace Hopper";

    private final Http http;
    private final CommandGateway commands;
    private final EventStore eventStore;

    Couriers(Http http, CommandGateway commands, EventStore eventStore) {
        this.http = http;
        this.commands = commands;
        this.eventStore = eventStore;
    }

    String register(int capacity) {
        Reply registered = http.post("/api/couriers", "{\"name\":\"" + NAME + "\",\"capacity\":" + capacity + "}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.field("courierId");
    }

    String onShift(int capacity) {
        String courierId = register(capacity);
        assertThat(startShift(courierId).status()).isEqualTo(202);
        return courierId;
    }

    Reply startShift(String courierId) {
        return http.post("/api/couriers/" + courierId + "/shift/start", location(52.52, 13.405));
    }

    String delivery(ParcelSize size) {
        DeliveryId deliveryId = DeliveryId.random();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        commands.sendAndWait(new CreateDelivery(deliveryId, OrderId.random(), new GeoPoint(52.5, 13.4),
                new SealedText(UUID.randomUUID().toString(), "c2VhbGVk"), new TimeWindow(now, now.plusSeconds(3600)), size));
        return deliveryId.value();
    }

    Reply assign(String deliveryId, String courierId) {
        return http.post("/api/deliveries/" + deliveryId + "/assign", courier(courierId));
    }

    /** A small parcel assigned to the courier, who has picked it up. */
    String pickedUpBy(String courierId) {
        String deliveryId = delivery(ParcelSize.SMALL);
        assertThat(assign(deliveryId, courierId).status()).isEqualTo(202);
        assertThat(act(courierId, deliveryId, "pick-up", null).status()).isEqualTo(202);
        return deliveryId;
    }

    Reply reassign(String deliveryId, String courierId) {
        return http.post("/api/deliveries/" + deliveryId + "/reassign", courier(courierId));
    }

    /** A courier's action on a delivery: accept, decline, pick-up, deliver, fail. */
    Reply act(String courierId, String deliveryId, String action, String body) {
        return http.post("/api/couriers/" + courierId + "/deliveries/" + deliveryId + "/" + action, body);
    }

    /** The aggregate's events, oldest first. */
    List<Object> events(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast)
                .toList();
    }

    <T> List<T> events(String aggregateId, Class<T> type) {
        return events(aggregateId).stream().filter(type::isInstance).map(type::cast).toList();
    }

    static String location(double latitude, double longitude) {
        return "{\"latitude\":" + latitude + ",\"longitude\":" + longitude + "}";
    }

    private static String courier(String courierId) {
        return "{\"courierId\":\"" + courierId + "\"}";
    }
}
