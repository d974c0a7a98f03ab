package io.pantrade.query.segmentation;

import io.pantrade.kernel.customer.CustomerId;

record CustomerSegment(CustomerId customerId, Segment segment) {
}
