package io.pantrade.kernel.delivery;

import io.pantrade.kernel.privacy.SealedText;
import java.time.Instant;

public record CourierRegistered(CourierId courierId,
                                SealedText name,
                                int capacity,
                                Instant registeredAt) {
}
