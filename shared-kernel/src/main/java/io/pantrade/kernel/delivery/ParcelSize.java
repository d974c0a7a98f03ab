package io.pantrade.kernel.delivery;

/** How much of a courier's capacity a parcel takes, in capacity units. */
public enum ParcelSize {
    SMALL(1), MEDIUM(2), LARGE(4);

    private final int units;

    ParcelSize(int units) {
        this.units = units;
    }

    public int units() {
        return units;
    }
}
