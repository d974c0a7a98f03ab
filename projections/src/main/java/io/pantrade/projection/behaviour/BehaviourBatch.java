package io.pantrade.projection.behaviour;

import io.pantrade.kernel.behaviour.ProductAddedToCart;
import io.pantrade.kernel.behaviour.ProductRated;
import io.pantrade.kernel.behaviour.ProductViewed;
import io.pantrade.kernel.behaviour.ReturnRecorded;
import io.pantrade.kernel.order.OrderCancelled;
import io.pantrade.kernel.order.OrderPlaced;
import io.pantrade.projection.MongoBatch;
import io.pantrade.projection.behaviour.BehaviourReadModel.PlacedOrder;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one batch of events does to the behaviour read models. On its first event it reads, with one
 * {@code $in} each, the orders the batch cancels and every customer the batch concerns (rather
 * than one round trip per event), then keeps them in memory; the changed customers are written
 * when the batch is flushed.
 */
final class BehaviourBatch {

    private final BehaviourReadModel readModel;
    private final Map<String, CustomerState> customers;
    private final Map<String, PlacedOrder> orders;
    private final Map<String, CustomerState> changed = new LinkedHashMap<>();
    private TrackingToken last;

    private BehaviourBatch(BehaviourReadModel readModel, long settledUpTo, List<Object> events) {
        this.readModel = readModel;
        Set<String> customerIds = new LinkedHashSet<>();
        Set<String> cancelledOrders = new LinkedHashSet<>();
        for (Object message : events) {
            Object payload = ((EventMessage<?>) message).getPayload();
            String customer = customerOf(payload);
            if (customer != null) {
                customerIds.add(customer);
            } else if (payload instanceof OrderCancelled cancelled) {
                cancelledOrders.add(cancelled.orderId().value());
            }
        }
        this.orders = new HashMap<>(readModel.orders(cancelledOrders));
        orders.values().forEach(order -> customerIds.add(order.customerId().value()));
        this.customers = readModel.customers(customerIds, settledUpTo);
    }

    static BehaviourBatch start(BehaviourReadModel readModel, long settledUpTo, UnitOfWork<?> root) {
        List<Object> events = root instanceof BatchingUnitOfWork<?> batch
                ? List.copyOf(batch.getMessages()) : List.of(root.getMessage());
        BehaviourBatch started = new BehaviourBatch(readModel, settledUpTo, events);
        MongoBatch writes = MongoBatch.current();
        writes.beforeWrites(() -> readModel.write(started.changed.values(), writes));
        return started;
    }

    void sawToken(TrackingToken token) {
        last = token;
    }

    TrackingToken lastToken() {
        return last;
    }

    CustomerState customer(String customerId) {
        return customers.computeIfAbsent(customerId, CustomerState::none);
    }

    /** Remembered for the rest of the batch too: a cancellation may follow in it. */
    void placed(OrderPlaced event) {
        orders.putIfAbsent(event.orderId().value(), new PlacedOrder(event.customerId(), event.lines(), event.total()));
    }

    PlacedOrder order(String orderId) {
        PlacedOrder order = orders.get(orderId);
        if (order == null) {
            throw new IllegalStateException("order " + orderId + " was cancelled before it was placed");
        }
        return order;
    }

    void changed(CustomerState customer) {
        changed.put(customer.customerId(), customer);
    }

    private static String customerOf(Object payload) {
        if (payload instanceof OrderPlaced placed) {
            return placed.customerId().value();
        }
        if (payload instanceof ReturnRecorded returned) {
            return returned.customerId().value();
        }
        if (payload instanceof ProductViewed viewed) {
            return viewed.customerId().value();
        }
        if (payload instanceof ProductAddedToCart carted) {
            return carted.customerId().value();
        }
        if (payload instanceof ProductRated rated) {
            return rated.customerId().value();
        }
        return null;
    }
}
