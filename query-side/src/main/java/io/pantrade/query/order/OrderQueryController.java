package io.pantrade.query.order;

import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.FindOrder;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.order.OrderPage;
import io.pantrade.kernel.order.OrderView;
import io.pantrade.kernel.order.OrdersOfCustomer;
import io.pantrade.projection.order.OrderSummaryProjection;
import io.pantrade.query.ReadModelFreshness;
import io.pantrade.web.PathIds;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/**
 * Reads are eventually consistent: an order placed a moment ago may answer 404 for a few
 * milliseconds. While the read model is still being rebuilt after a start, a miss is a 503 with
 * Retry-After instead, because the order may well exist.
 */
@RestController
class OrderQueryController {

    private final QueryGateway queries;
    private final ReadModelFreshness freshness;

    OrderQueryController(QueryGateway queries, ReadModelFreshness freshness) {
        this.queries = queries;
        this.freshness = freshness;
    }

    @GetMapping(path = "/api/orders/{orderId}", produces = MediaType.APPLICATION_JSON_VALUE)
    OrderView order(@PathVariable String orderId) {
        OrderId id = PathIds.parse(orderId, "orderId", OrderId::new);
        return Optional.ofNullable(queries.query(new FindOrder(id), ResponseTypes.instanceOf(OrderView.class)).join())
                .orElseThrow(() -> missing("no order " + id + " is known"));
    }

    @GetMapping(path = "/api/customers/{customerId}/orders", produces = MediaType.APPLICATION_JSON_VALUE)
    OrderPage ordersOfCustomer(@PathVariable String customerId,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        CustomerId id = PathIds.parse(customerId, "customerId", CustomerId::new);
        return Optional.ofNullable(queries.query(new OrdersOfCustomer(id, page, size),
                        ResponseTypes.instanceOf(OrderPage.class)).join())
                .orElseThrow(() -> missing("no orders are known for customer " + id));
    }

    private RuntimeException missing(String detail) {
        return freshness.missing(OrderSummaryProjection.PROCESSOR, detail);
    }
}
