package io.pantrade.projection.delivery;

import io.pantrade.kernel.delivery.DeliveryCreated;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.delivery.GeoPoint;
import io.pantrade.kernel.delivery.ParcelSize;
import io.pantrade.kernel.delivery.TimeWindow;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.privacy.SealedText;

import java.time.Duration;
import java.time.Instant;

/** Delivery events with the details the tests do not care about filled in. */
public final class DeliveryEvents {

    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    public static final GeoPoint DEPOT = new GeoPoint(52.37, 4.89);

    private DeliveryEvents() {
    }

    public static DeliveryCreated created(DeliveryId delivery, OrderId order, ParcelSize size, Instant at) {
        return new DeliveryCreated(delivery, order, DEPOT, new SealedText(order.value(), "AQIDBAUGBwgJCgsM"),
                new TimeWindow(at.plus(Duration.ofMinutes(30)), at.plus(Duration.ofMinutes(90))), size, at);
    }
}
