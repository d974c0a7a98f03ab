package io.pantrade.saga.dispatch;

import io.pantrade.kernel.delivery.AssignCourier;
import io.pantrade.kernel.delivery.CourierRoster;
import io.pantrade.kernel.delivery.CourierRosterPage;
import io.pantrade.kernel.delivery.CourierView;
import io.pantrade.kernel.delivery.DeliveryBoard;
import io.pantrade.kernel.delivery.DeliveryBoardPage;
import io.pantrade.kernel.delivery.DeliveryStatus;
import io.pantrade.kernel.delivery.DeliveryView;
import io.pantrade.kernel.rules.Rejections;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Every interval: the deliveries waiting for a courier and the couriers with room, read from the
 * delivery board and the roster, handed to the {@link DeliveryDispatcher}, whose assignments are
 * sent as commands. The read models may be a moment behind; the courier refuses what it can no
 * longer take, and the delivery waits for the next round.
 */
public class DispatchRound {

    private static final Logger log = LoggerFactory.getLogger(DispatchRound.class);
    private static final int PAGE = 200;
    /** the delivery board's name for a step where a courier was taken off the delivery */
    static final String UNASSIGNED_STEP = "COURIER_UNASSIGNED";

    private final DeliveryDispatcher dispatcher;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final int batchSize;

    public DispatchRound(DeliveryDispatcher dispatcher, QueryGateway queries, CommandGateway commands, int batchSize) {
        this.dispatcher = dispatcher;
        this.queries = queries;
        this.commands = commands;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${pantrade.dispatch.interval:PT1S}",
            initialDelayString = "${pantrade.dispatch.interval:PT1S}")
    public void run() {
        List<WaitingDelivery> deliveries = waitingDeliveries();
        if (deliveries.isEmpty()) {
            return;
        }
        List<AvailableCourier> couriers = availableCouriers();
        if (couriers.isEmpty()) {
            return;
        }
        int assigned = 0;
        for (Assignment assignment : dispatcher.assign(deliveries, couriers)) {
            if (carryOut(assignment)) {
                assigned++;
            }
        }
        log.debug("dispatch: {} of {} waiting deliveries assigned to {} available couriers", assigned,
                deliveries.size(), couriers.size());
    }

    private boolean carryOut(Assignment assignment) {
        try {
            commands.sendAndWait(new AssignCourier(assignment.deliveryId(), assignment.courierId()));
            return true;
        } catch (RuntimeException failure) {
            String why = Rejections.ruleOf(failure).map(rule -> rule.code()).orElse(null);
            if (why == null) {
                log.warn("dispatch: assigning delivery {} to courier {} failed", assignment.deliveryId(),
                        assignment.courierId(), failure);
            } else {
                log.debug("dispatch: courier {} refused delivery {}: {}", assignment.courierId(),
                        assignment.deliveryId(), why);
            }
            return false;
        }
    }

    private List<WaitingDelivery> waitingDeliveries() {
        List<WaitingDelivery> waiting = new ArrayList<>();
        String after = null;
        do {
            DeliveryBoardPage page = queries.query(
                    new DeliveryBoard(DeliveryStatus.AWAITING_COURIER, after, Math.min(PAGE, batchSize - waiting.size())),
                    ResponseTypes.instanceOf(DeliveryBoardPage.class)).join();
            page.deliveries().forEach(view -> waiting.add(waitingDelivery(view)));
            after = page.next();
        } while (after != null && waiting.size() < batchSize);
        return waiting;
    }

    private List<AvailableCourier> availableCouriers() {
        List<AvailableCourier> available = new ArrayList<>();
        String after = null;
        do {
            CourierRosterPage page = queries.query(new CourierRoster(1, after, PAGE),
                    ResponseTypes.instanceOf(CourierRosterPage.class)).join();
            page.couriers().stream()
                    .filter(courier -> courier.location() != null)
                    .forEach(courier -> available.add(availableCourier(courier)));
            after = page.next();
        } while (after != null);
        return available;
    }

    private static WaitingDelivery waitingDelivery(DeliveryView view) {
        return new WaitingDelivery(view.deliveryId(), view.pickup(), view.size(), view.updatedAt(),
                view.history().stream()
                        .filter(step -> UNASSIGNED_STEP.equals(step.type()))
                        .map(DeliveryView.Step::courierId)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet()));
    }

    private static AvailableCourier availableCourier(CourierView courier) {
        return new AvailableCourier(courier.courierId(), courier.location(), courier.freeCapacity());
    }
}
