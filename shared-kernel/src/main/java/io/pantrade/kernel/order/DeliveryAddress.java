package io.pantrade.kernel.order;

/** Personal data: only ever stored sealed (see {@link io.pantrade.kernel.privacy.SealedText}). */
public record DeliveryAddress(String recipient,
                              String street,
                              String city,
                              String postalCode,
                              String country,
                              String phone) {

    /** Never print personal data into logs by accident. */
    @Override
    public String toString() {
        return "DeliveryAddress[redacted]";
    }
}
