package io.pantrade.command.order;

import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.CancelOrder;
import io.pantrade.kernel.order.CompleteOrder;
import io.pantrade.kernel.order.Fulfilment;
import io.pantrade.kernel.order.FulfilmentRequested;
import io.pantrade.kernel.order.OrderCancelled;
import io.pantrade.kernel.order.OrderCompleted;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.order.OrderLine;
import io.pantrade.kernel.order.OrderPlaced;
import io.pantrade.kernel.order.OrderStatus;
import io.pantrade.kernel.order.PlaceOrder;
import io.pantrade.kernel.order.PlaceOrderAgain;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import static io.pantrade.command.order.OrderRule.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

@Aggregate
class Order {

    private static final Lines LINES = new Lines(NEEDS_A_LINE, AT_MOST_500_LINES, LINE_NEEDS_A_SKU, QUANTITY_IN_RANGE,
            LINE_NEEDS_A_UNIT_PRICE, UNIT_PRICE_NOT_NEGATIVE, ONE_CURRENCY_PER_ORDER, TOTAL_REPRESENTABLE);

    @AggregateIdentifier
    private OrderId orderId;
    private OrderStatus status;
    private CustomerId customerId;
    private List<OrderLine> lines;

    /**
     * Always a new order: the order id comes from the client's Idempotency-Key, and when it is taken
     * (a request re-run after its answer was lost) storing the first event fails, and
     * {@link OrderPlacement} sends {@link PlaceOrderAgain} instead. Creating blindly spares every new
     * order a read of its (empty) event stream and the exception Axon throws for it.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(PlaceOrder command, OrderLimits limits, Clock clock) {
        if (command.customerId() == null) {
            throw NEEDS_A_CUSTOMER.violated();
        }
        if (command.deliveryAddress() == null) {
            throw NEEDS_A_DELIVERY_ADDRESS.violated();
        }
        if (!command.deliveryAddress().subjectId().equals(command.customerId().value())) {
            throw ADDRESS_SEALED_FOR_THE_CUSTOMER.violated();
        }
        Money total = totalOf(command.lines(), limits);
        Fulfilment fulfilment = command.fulfilment();
        if (fulfilment != null) {
            requireComplete(fulfilment);
        }
        apply(new OrderPlaced(command.orderId(), command.customerId(), command.lines(), total,
                command.deliveryAddress(), command.placedAt() != null ? command.placedAt() : clock.instant()));
        if (fulfilment != null) {
            apply(new FulfilmentRequested(command.orderId(), command.customerId(), total, fulfilment,
                    command.deliveryAddress()));
        }
    }

    @CommandHandler
    void handle(PlaceOrderAgain command) {
        if (!Objects.equals(command.customerId(), customerId) || !Objects.equals(command.lines(), lines)) {
            throw ORDER_ID_TAKEN.violated();
        }
    }

    private static void requireComplete(Fulfilment fulfilment) {
        if (fulfilment.merchantId() == null || fulfilment.card() == null || fulfilment.pickup() == null
                || fulfilment.window() == null || fulfilment.size() == null) {
            throw FULFILMENT_INCOMPLETE.violated();
        }
    }

    @CommandHandler
    void handle(CancelOrder command) {
        String reason = command.reason();
        if (reason == null || reason.isBlank() || reason.length() > OrderLimits.MAX_REASON_LENGTH) {
            throw CANCEL_NEEDS_A_REASON.violated();
        }
        if (status == OrderStatus.COMPLETED) {
            throw COMPLETED_ORDER_CANNOT_BE_CANCELLED.violated();
        }
        if (status == OrderStatus.CANCELLED) {
            throw CANCELLED_ORDER_CANNOT_BE_CANCELLED_AGAIN.violated();
        }
        apply(new OrderCancelled(orderId, reason));
    }

    @CommandHandler
    void handle(CompleteOrder command) {
        if (status == OrderStatus.CANCELLED) {
            throw CANCELLED_ORDER_CANNOT_BE_COMPLETED.violated();
        }
        if (status == OrderStatus.COMPLETED) {
            throw COMPLETED_ORDER_CANNOT_BE_COMPLETED_AGAIN.violated();
        }
        apply(new OrderCompleted(orderId));
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        status = OrderStatus.PLACED;
        customerId = event.customerId();
        lines = event.lines();
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        status = OrderStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(OrderCompleted event) {
        status = OrderStatus.COMPLETED;
    }

    private static Money totalOf(List<OrderLine> lines, OrderLimits limits) {
        Money total = LINES.totalOf(lines);
        if (total.amountMinor() > limits.maxTotalMinor(total.currency())) {
            throw TOTAL_WITHIN_LIMIT.violated(total.amountMinor() + " > " + limits.maxTotalMinor(total.currency())
                    + " " + total.currency());
        }
        return total;
    }

    protected Order() {
        // Axon creates the instance, then event sourcing or the PlaceOrder handler fills it
    }
}
