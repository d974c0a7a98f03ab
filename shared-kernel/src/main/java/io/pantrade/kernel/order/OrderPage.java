package io.pantrade.kernel.order;

import java.util.List;

public record OrderPage(List<OrderView> content, int page, int size, long totalElements, long totalPages) {

    public static OrderPage of(List<OrderView> content, int page, int size, long totalElements) {
        return new OrderPage(List.copyOf(content), page, size, totalElements, (totalElements + size - 1) / size);
    }
}
