package io.pantrade.query.fulfilment;

import io.pantrade.kernel.fulfilment.FindFulfilment;
import io.pantrade.kernel.fulfilment.FulfilmentView;
import io.pantrade.projection.fulfilment.FulfilmentTimelines;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
class FulfilmentQueries {

    private final FulfilmentTimelines timelines;

    FulfilmentQueries(FulfilmentTimelines timelines) {
        this.timelines = timelines;
    }

    /** @return the timeline, or {@code null} when the order has no fulfilment (yet) */
    @QueryHandler
    FulfilmentView handle(FindFulfilment query) {
        return timelines.find(query.orderId()).orElse(null);
    }
}
