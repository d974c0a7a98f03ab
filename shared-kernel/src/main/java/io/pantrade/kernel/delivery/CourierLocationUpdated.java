package io.pantrade.kernel.delivery;

import java.time.Instant;

public record CourierLocationUpdated(CourierId courierId,
                                     GeoPoint location,
                                     Instant at) {
}
