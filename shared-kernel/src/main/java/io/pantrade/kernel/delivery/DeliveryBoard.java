package io.pantrade.kernel.delivery;

/**
 * The unfinished deliveries in one state, oldest first, {@code limit} at a time after the
 * {@code after} cursor ({@code null} for the first page); answered with a {@link DeliveryBoardPage}.
 */
public record DeliveryBoard(DeliveryStatus status, String after, int limit) {
}
