package io.pantrade.kernel.delivery;

import java.time.Instant;

/**
 * What shows the parcel arrived: when, and optionally references to a captured signature or photo
 * (stored elsewhere; the event keeps only their references).
 */
public record DeliveryProof(Instant deliveredAt, String signatureReference, String photoReference) {
}
