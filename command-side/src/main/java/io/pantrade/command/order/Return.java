package io.pantrade.command.order;

import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.behaviour.RecordReturn;
import io.pantrade.kernel.behaviour.ReturnId;
import io.pantrade.kernel.behaviour.ReturnRecorded;
import io.pantrade.kernel.order.OrderLine;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import static io.pantrade.command.order.ReturnRule.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Goods a customer sent back. Its lines obey the same rules as an order's, under its own codes. */
@Aggregate
class Return {

    private static final Lines LINES = new Lines(NEEDS_A_LINE, AT_MOST_500_LINES, LINE_NEEDS_A_SKU, QUANTITY_IN_RANGE,
            LINE_NEEDS_A_UNIT_PRICE, UNIT_PRICE_NOT_NEGATIVE, ONE_CURRENCY_PER_RETURN, TOTAL_REPRESENTABLE);

    @AggregateIdentifier
    private ReturnId returnId;
    private CustomerId customerId;
    private List<OrderLine> lines;

    /** The id is derived from the sender's own reference, so recording the same return twice changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordReturn command, Clock clock) {
        if (returnId != null) {
            if (!Objects.equals(command.customerId(), customerId) || !Objects.equals(command.lines(), lines)) {
                throw RETURN_ID_TAKEN.violated();
            }
            return;
        }
        if (command.customerId() == null) {
            throw NEEDS_A_CUSTOMER.violated();
        }
        apply(new ReturnRecorded(command.returnId(), command.customerId(), command.lines(),
                LINES.totalOf(command.lines()), command.returnedAt() != null ? command.returnedAt() : clock.instant()));
    }

    @EventSourcingHandler
    void on(ReturnRecorded event) {
        returnId = event.returnId();
        customerId = event.customerId();
        lines = event.lines();
    }

    protected Return() {
        // Axon creates the instance, then event sourcing or the RecordReturn handler fills it
    }
}
