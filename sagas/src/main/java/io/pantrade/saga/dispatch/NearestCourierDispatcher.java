package io.pantrade.saga.dispatch;

import io.pantrade.kernel.delivery.CourierId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simple dispatcher: the longest-waiting delivery first, each to the nearest courier (to its
 * pickup point) that still has room for it, avoiding couriers it was taken back from.
 */
public class NearestCourierDispatcher implements DeliveryDispatcher {

    @Override
    public List<Assignment> assign(List<WaitingDelivery> deliveries, List<AvailableCourier> couriers) {
        Map<CourierId, Integer> room = new HashMap<>();
        couriers.forEach(courier -> room.put(courier.courierId(), courier.freeCapacity()));
        List<Assignment> assignments = new ArrayList<>();
        deliveries.stream()
                .sorted(Comparator.comparing(WaitingDelivery::waitingSince))
                .forEach(delivery -> nearestWithRoom(delivery, couriers, room).ifPresent(courier -> {
                    room.merge(courier.courierId(), -delivery.size().units(), Integer::sum);
                    assignments.add(new Assignment(delivery.deliveryId(), courier.courierId()));
                }));
        return assignments;
    }

    private static Optional<AvailableCourier> nearestWithRoom(WaitingDelivery delivery, List<AvailableCourier> couriers,
                                                              Map<CourierId, Integer> room) {
        return couriers.stream()
                .filter(courier -> room.get(courier.courierId()) >= delivery.size().units())
                .filter(courier -> !delivery.notAgain().contains(courier.courierId()))
                .min(Comparator.comparingDouble(courier -> courier.location().metresTo(delivery.pickup())));
    }
}
