package io.pantrade.projection.behaviour;

import io.pantrade.kernel.behaviour.ProductAddedToCart;
import io.pantrade.kernel.behaviour.ProductCatalogued;
import io.pantrade.kernel.behaviour.ProductRated;
import io.pantrade.kernel.behaviour.ProductViewed;
import io.pantrade.kernel.behaviour.ReturnRecorded;
import io.pantrade.kernel.order.OrderCancelled;
import io.pantrade.kernel.order.OrderPlaced;
import io.pantrade.projection.MongoBatch;
import io.pantrade.projection.SettledPosition;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Keeps the behaviour read models (see {@link BehaviourReadModel}) from orders, returns, the
 * catalogue and the interactions client apps record. It must run in one segment: a customer's
 * document is read and written whole per batch, and a customer's events come from several
 * aggregates (orders) and from none (interactions), so two segments would lose each other's updates.
 */
@ProcessingGroup(BehaviourProjection.PROCESSOR)
public class BehaviourProjection {

    public static final String PROCESSOR = "behaviour";

    private static final String BATCH = BehaviourProjection.class.getName() + ".batch";

    private final BehaviourReadModel readModel;
    private final PlacedOrders placedOrders;
    private final BehaviourWeights weights;
    private final int cooccurrenceCap;
    private final SettledPosition settled = new SettledPosition();

    /**
     * @param events          where a cancellation reads the order it takes back
     * @param cooccurrenceCap how many of a customer's distinct SKUs (their first ones) count for co-occurrence
     */
    public BehaviourProjection(BehaviourReadModel readModel, EventStore events, BehaviourWeights weights,
                               int cooccurrenceCap) {
        if (cooccurrenceCap < 2) {
            throw new IllegalArgumentException("co-occurrence needs at least two SKUs per customer");
        }
        this.readModel = readModel;
        this.placedOrders = new PlacedOrders(events);
        this.weights = weights;
        this.cooccurrenceCap = cooccurrenceCap;
    }

    @EventHandler
    void on(OrderPlaced event, @MessageIdentifier String eventId, TrackingToken token) {
        apply(batch(token), event.customerId().value(), eventId, token,
                customer -> customer.placed(event.lines(), event.total(), event.placedAt(), weights, cooccurrenceCap));
    }

    @EventHandler
    void on(OrderCancelled event, @MessageIdentifier String eventId, TrackingToken token) {
        BehaviourBatch batch = batch(token);
        OrderPlaced order = batch.order(event.orderId().value());
        apply(batch, order.customerId().value(), eventId, token,
                customer -> customer.undone(order.lines(), order.total(), true, weights));
    }

    @EventHandler
    void on(ReturnRecorded event, @MessageIdentifier String eventId, TrackingToken token) {
        apply(batch(token), event.customerId().value(), eventId, token,
                customer -> customer.undone(event.lines(), event.total(), false, weights));
    }

    @EventHandler
    void on(ProductViewed event, @MessageIdentifier String eventId, TrackingToken token) {
        interacted(event.customerId().value(), event.sku(), weights.view(), event.at(), eventId, token);
    }

    @EventHandler
    void on(ProductAddedToCart event, @MessageIdentifier String eventId, TrackingToken token) {
        interacted(event.customerId().value(), event.sku(), weights.cart(), event.at(), eventId, token);
    }

    @EventHandler
    void on(ProductRated event, @MessageIdentifier String eventId, TrackingToken token) {
        interacted(event.customerId().value(), event.sku(), weights.rating(event.rating()), event.at(), eventId, token);
    }

    @EventHandler
    void on(ProductCatalogued event, TrackingToken token) {
        batch(token);
        readModel.catalogued(event, MongoBatch.current());
    }

    @ResetHandler
    void reset() {
        readModel.dropAll();
        settled.reset();
    }

    private void interacted(String customerId, String sku, double weight, Instant at, String eventId,
                            TrackingToken token) {
        apply(batch(token), customerId, eventId, token, customer -> customer.interacted(sku, weight, at, cooccurrenceCap));
    }

    private static void apply(BehaviourBatch batch, String customerId, String eventId, TrackingToken token,
                              Consumer<CustomerState> change) {
        CustomerState customer = batch.customer(customerId);
        if (customer.take(SettledPosition.delivery(eventId, token))) {
            change.accept(customer);
            batch.changed(customer);
        }
    }

    private BehaviourBatch batch(TrackingToken token) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        BehaviourBatch batch = root.getResource(BATCH);
        if (batch == null) {
            BehaviourBatch started = BehaviourBatch.start(readModel, placedOrders, settled.upTo(), root);
            root.resources().put(BATCH, started);
            settled.advanceOnCommit(root, started::lastToken);
            batch = started;
        }
        batch.sawToken(token);
        return batch;
    }
}
