package io.pantrade.projection.behaviour;

import io.pantrade.kernel.behaviour.ProductAddedToCart;
import io.pantrade.kernel.behaviour.ProductRated;
import io.pantrade.kernel.behaviour.ProductViewed;
import io.pantrade.kernel.behaviour.ReturnRecorded;
import io.pantrade.kernel.order.OrderCancelled;
import io.pantrade.kernel.order.OrderPlaced;
import io.pantrade.projection.MongoBatch;
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
 * What one batch of events does to the behaviour read models. On its first event it reads every
 * customer the batch concerns with one {@code $in} (rather than one round trip per event), and
 * each order the batch cancels but did not place from the event store (see {@link PlacedOrders}),
 * then keeps them in memory; the changed customers are written when the batch is flushed.
 */
final class BehaviourBatch {

    private final BehaviourReadModel readModel;
    private final Map<String, CustomerState> customers;
    private final Map<String, OrderPlaced> orders = new HashMap<>();
    private final Map<String, CustomerState> changed = new LinkedHashMap<>();
    private TrackingToken last;

    private BehaviourBatch(BehaviourReadModel readModel, PlacedOrders placedOrders, long settledUpTo,
                           List<Object> events) {
        this.readModel = readModel;
        Set<String> customerIds = new LinkedHashSet<>();
        for (Object message : events) {
            Object payload = ((EventMessage<?>) message).getPayload();
            String customer = customerOf(payload);
            if (customer != null) {
                customerIds.add(customer);
            }
            if (payload instanceof OrderPlaced placed) {
                orders.putIfAbsent(placed.orderId().value(), placed);
            } else if (payload instanceof OrderCancelled cancelled && !orders.containsKey(cancelled.orderId().value())) {
                OrderPlaced placed = placedOrders.of(cancelled.orderId());
                orders.put(placed.orderId().value(), placed);
                customerIds.add(placed.customerId().value());
            }
        }
        this.customers = readModel.customers(customerIds, settledUpTo);
    }

    static BehaviourBatch start(BehaviourReadModel readModel, PlacedOrders placedOrders, long settledUpTo,
                                UnitOfWork<?> root) {
        List<Object> events = root instanceof BatchingUnitOfWork<?> batch
                ? List.copyOf(batch.getMessages()) : List.of(root.getMessage());
        BehaviourBatch started = new BehaviourBatch(readModel, placedOrders, settledUpTo, events);
        MongoBatch writes = MongoBatch.current();
        writes.beforeWrites(() -> readModel.write(started.changed.values(), settledUpTo, writes));
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

    /** The order a cancellation of this batch takes back. */
    OrderPlaced order(String orderId) {
        return orders.get(orderId);
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
