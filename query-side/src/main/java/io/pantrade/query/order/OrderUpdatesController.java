package io.pantrade.query.order;

import io.pantrade.kernel.order.FindOrder;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.order.OrderStatusUpdate;
import io.pantrade.kernel.order.OrderView;
import io.pantrade.projection.order.OrderSummaryProjection;
import io.pantrade.query.ReadModelFreshness;
import io.pantrade.web.PathIds;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.time.Duration;

/**
 * An order's progress as server-sent events, so a client waiting for its order to finish is told
 * instead of asking again and again: first the order as {@code GET /api/orders/{id}} shows it
 * ({@code event: order}), then each later status the read model records ({@code event: status},
 * an {@link OrderStatusUpdate}). The stream ends once the order is cancelled or completed, or after
 * {@code pantrade.orders.updates-timeout}; a client that wants more then opens it again. While it
 * waits, a comment line every {@code pantrade.orders.updates-heartbeat} keeps proxies from closing
 * the idle connection and lets the server notice a client that has gone.
 * <p>
 * Built on an Axon subscription query on {@link FindOrder}: the update subscription is registered
 * before the order is read, so no status written in between is missed.
 */
@RestController
class OrderUpdatesController {

    private final QueryGateway queries;
    private final ReadModelFreshness freshness;
    private final long timeoutMillis;
    private final Duration heartbeat;

    OrderUpdatesController(QueryGateway queries, ReadModelFreshness freshness,
                           @Value("${pantrade.orders.updates-timeout:PT5M}") Duration timeout,
                           @Value("${pantrade.orders.updates-heartbeat:PT15S}") Duration heartbeat) {
        this.queries = queries;
        this.freshness = freshness;
        this.timeoutMillis = timeout.toMillis();
        this.heartbeat = heartbeat;
    }

    @GetMapping(path = "/api/orders/{orderId}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter updates(@PathVariable String orderId) {
        OrderId id = PathIds.parse(orderId, "orderId", OrderId::new);
        SubscriptionQueryResult<OrderView, OrderStatusUpdate> subscription = queries.subscriptionQuery(
                new FindOrder(id), ResponseTypes.instanceOf(OrderView.class),
                ResponseTypes.instanceOf(OrderStatusUpdate.class));
        OrderView order;
        try {
            order = subscription.initialResult().block();
        } catch (RuntimeException failed) {
            subscription.cancel();
            throw failed;
        }
        if (order == null) {
            subscription.cancel();
            throw freshness.missing(OrderSummaryProjection.PROCESSOR, "no order " + id + " is known");
        }

        SseEmitter stream = new SseEmitter(timeoutMillis);
        stream.onTimeout(stream::complete);
        send(stream, SseEmitter.event().name("order").data(order, MediaType.APPLICATION_JSON));
        if (order.status().isFinal()) {
            subscription.cancel();
            stream.complete();
            return stream;
        }
        Disposable heartbeats = Flux.interval(heartbeat, Schedulers.boundedElastic())
                .subscribe(beat -> send(stream, SseEmitter.event().comment("waiting")));
        stream.onCompletion(() -> {
            heartbeats.dispose();
            subscription.cancel();
        });
        // updates arrive on the projection's thread once its batch committed: a slow client must not hold it up
        subscription.updates()
                .filter(update -> update.status() != order.status())
                .takeUntil(update -> update.status().isFinal())
                .publishOn(Schedulers.boundedElastic())
                .subscribe(update -> send(stream, SseEmitter.event().name("status").data(update, MediaType.APPLICATION_JSON)),
                        stream::completeWithError, stream::complete);
        return stream;
    }

    private static void send(SseEmitter stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.send(event);
        } catch (IOException | IllegalStateException clientGone) {
            // the client left (or the stream timed out): its completion callback cancels the subscription
            stream.completeWithError(clientGone);
        }
    }
}
