package io.pantrade.query.segmentation;

import io.pantrade.kernel.customer.CustomerId;

import java.util.List;

record SegmentCustomersPage(int segmentId, List<CustomerId> content, int page, int size, long totalElements,
                            long totalPages) {

    SegmentCustomersPage {
        content = List.copyOf(content);
    }
}
