package io.pantrade.kernel.delivery;

import java.util.List;

/** {@code next} is the cursor of the following page, {@code null} on the last one. */
public record CourierRosterPage(List<CourierView> couriers, String next) {

    public CourierRosterPage {
        couriers = List.copyOf(couriers);
    }
}
