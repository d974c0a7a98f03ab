package io.pantrade.query.segmentation;

import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.web.PathIds;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analysts' view of the customer segments. Segment ids number the segments of the current
 * segmentation, largest first: they may change when it is recomputed ({@code builtAt} says when).
 */
@RestController
class SegmentController {

    private final Segmenter segmenter;

    SegmentController(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    @GetMapping(path = "/api/segments", produces = MediaType.APPLICATION_JSON_VALUE)
    Segments segments() {
        return segmenter.segments();
    }

    @GetMapping(path = "/api/segments/customers/{customerId}", produces = MediaType.APPLICATION_JSON_VALUE)
    CustomerSegment segmentOf(@PathVariable String customerId) {
        return segmenter.segmentOf(PathIds.parse(customerId, "customerId", CustomerId::new));
    }

    @GetMapping(path = "/api/segments/{segmentId}/customers", produces = MediaType.APPLICATION_JSON_VALUE)
    SegmentCustomersPage customersOf(@PathVariable String segmentId,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                     @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        int id = PathIds.parse(segmentId, "segmentId", "must be a segment number", Integer::valueOf);
        return segmenter.customersOf(id, page, size);
    }
}
