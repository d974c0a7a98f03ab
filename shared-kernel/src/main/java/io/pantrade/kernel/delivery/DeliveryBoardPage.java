package io.pantrade.kernel.delivery;

import java.util.List;

/** {@code next} is the cursor of the following page, {@code null} on the last one. */
public record DeliveryBoardPage(DeliveryStatus status, List<DeliveryView> deliveries, long total, String next) {

    public DeliveryBoardPage {
        deliveries = List.copyOf(deliveries);
    }
}
