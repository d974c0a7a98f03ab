package io.pantrade.web;

import io.pantrade.kernel.delivery.GeoPoint;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** A position as clients send it, in WGS 84 degrees; checked here so a bad one is a field error, not a 500. */
public record GeoPointBody(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
                           @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {

    public GeoPoint toGeoPoint() {
        return new GeoPoint(latitude, longitude);
    }
}
