package io.pantrade.query.segmentation;

import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.projection.behaviour.BehaviourReads;
import io.pantrade.query.RefreshedModel;
import io.pantrade.web.NotFoundException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * The current segmentation, recomputed from the customer features read model every
 * {@code pantrade.segmentation.refresh-interval} off the request path.
 */
@Component
@EnableConfigurationProperties(SegmentationProperties.class)
class Segmenter implements AutoCloseable {

    private final RefreshedModel<Segmentation> model;

    Segmenter(BehaviourReads behaviour, SegmentationProperties properties, Clock clock) {
        SegmentationSettings settings = properties.settings();
        this.model = new RefreshedModel<>("customer segmentation",
                () -> Segmentation.build(behaviour::forEachCustomer, settings, clock.instant()), properties.refreshInterval());
    }

    Segments segments() {
        Segmentation segmentation = model.current();
        return new Segments(segmentation.builtAt(), segmentation.chosenK(), segmentation.silhouette(),
                segmentation.silhouetteByK(), segmentation.note(), segmentation.features(), segmentation.segments());
    }

    CustomerSegment segmentOf(CustomerId customerId) {
        return model.current().segmentOf(customerId)
                .map(segment -> new CustomerSegment(customerId, segment))
                .orElseThrow(() -> new NotFoundException("no segment is known for customer " + customerId
                        + " (customers are segmented once they have ordered)"));
    }

    SegmentCustomersPage customersOf(int segmentId, int page, int size) {
        List<CustomerId> members = model.current().customersOf(segmentId)
                .orElseThrow(() -> new NotFoundException("no segment " + segmentId + " is known"));
        int from = (int) Math.min(members.size(), (long) page * size);
        int to = Math.min(members.size(), from + size);
        return new SegmentCustomersPage(segmentId, members.subList(from, to), page, size, members.size(),
                (members.size() + size - 1) / size);
    }

    @Override
    public void close() {
        model.close();
    }
}
