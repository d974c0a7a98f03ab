package io.pantrade.kernel.delivery;

import java.time.Instant;

public record CourierCapacityChanged(CourierId courierId,
                                     int capacity,
                                     Instant at) {
}
