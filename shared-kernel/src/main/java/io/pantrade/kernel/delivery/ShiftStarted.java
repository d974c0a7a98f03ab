package io.pantrade.kernel.delivery;

import java.time.Instant;

public record ShiftStarted(CourierId courierId,
                           GeoPoint location,
                           Instant startedAt) {
}
