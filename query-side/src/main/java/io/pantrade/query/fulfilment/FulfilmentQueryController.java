package io.pantrade.query.fulfilment;

import io.pantrade.kernel.fulfilment.FindFulfilment;
import io.pantrade.kernel.fulfilment.FulfilmentView;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.projection.fulfilment.FulfilmentTimelineProjection;
import io.pantrade.query.ReadModelFreshness;
import io.pantrade.web.PathIds;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/** An order's way to completion or cancellation; 404 for an order placed without a fulfilment. */
@RestController
class FulfilmentQueryController {

    private final QueryGateway queries;
    private final ReadModelFreshness freshness;

    FulfilmentQueryController(QueryGateway queries, ReadModelFreshness freshness) {
        this.queries = queries;
        this.freshness = freshness;
    }

    @GetMapping(path = "/api/orders/{orderId}/fulfilment", produces = MediaType.APPLICATION_JSON_VALUE)
    FulfilmentView fulfilment(@PathVariable String orderId) {
        OrderId id = PathIds.parse(orderId, "orderId", OrderId::new);
        return Optional.ofNullable(queries.query(new FindFulfilment(id), ResponseTypes.instanceOf(FulfilmentView.class)).join())
                .orElseThrow(() -> freshness.missing(FulfilmentTimelineProjection.PROCESSOR,
                        "no fulfilment is known for order " + id));
    }
}
