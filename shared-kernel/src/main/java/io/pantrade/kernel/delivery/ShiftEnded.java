package io.pantrade.kernel.delivery;

import java.time.Instant;

public record ShiftEnded(CourierId courierId,
                         Instant endedAt) {
}
