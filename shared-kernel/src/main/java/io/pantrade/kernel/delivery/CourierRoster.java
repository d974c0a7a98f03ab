package io.pantrade.kernel.delivery;

/**
 * The couriers on shift with room for at least {@code minimumFreeCapacity} units, {@code limit} at a
 * time after the {@code after} cursor; answered with a {@link CourierRosterPage}. The dispatcher
 * reads its candidates here.
 */
public record CourierRoster(int minimumFreeCapacity, String after, int limit) {
}
