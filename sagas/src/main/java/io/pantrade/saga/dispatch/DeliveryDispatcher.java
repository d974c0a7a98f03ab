package io.pantrade.saga.dispatch;

import java.util.List;

/**
 * Decides which courier takes which waiting delivery, for one batch at a time. The engine carries
 * the decisions out; a courier may have changed since the inputs were read, and an assignment it can
 * no longer take is refused by the courier and tried again in the next round.
 */
public interface DeliveryDispatcher {

    /** At most one courier per delivery, and never more parcel units to a courier than its free capacity. */
    List<Assignment> assign(List<WaitingDelivery> deliveries, List<AvailableCourier> couriers);
}
