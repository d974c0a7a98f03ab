package io.pantrade.query.delivery;

import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.CourierRoster;
import io.pantrade.kernel.delivery.CourierRosterPage;
import io.pantrade.kernel.delivery.CourierView;
import io.pantrade.kernel.delivery.FindCourier;
import io.pantrade.projection.delivery.CourierRosterProjection;
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
 * Couriers, and the roster of those on shift with room to spare, by courier id. Like the delivery
 * board, the roster is 503 with Retry-After while it is rebuilt.
 */
@RestController
class CourierQueryController {

    private final QueryGateway queries;
    private final ReadModelFreshness freshness;

    CourierQueryController(QueryGateway queries, ReadModelFreshness freshness) {
        this.queries = queries;
        this.freshness = freshness;
    }

    @GetMapping(path = "/api/couriers/{courierId}", produces = MediaType.APPLICATION_JSON_VALUE)
    CourierView courier(@PathVariable String courierId) {
        CourierId id = PathIds.parse(courierId, "courierId", CourierId::new);
        return Optional.ofNullable(queries.query(new FindCourier(id), ResponseTypes.instanceOf(CourierView.class)).join())
                .orElseThrow(() -> freshness.missing(CourierRosterProjection.PROCESSOR, "no courier " + id + " is known"));
    }

    /** {@code after} is the {@code next} of the page before: a courier id. */
    @GetMapping(path = "/api/couriers", produces = MediaType.APPLICATION_JSON_VALUE)
    CourierRosterPage roster(@RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int minimumFreeCapacity,
                             @RequestParam(required = false) String after,
                             @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        String cursor = after == null ? null
                : PathIds.parse(after, "after", "must be the next of an earlier page", CourierId::new).value();
        freshness.requireCaughtUp(CourierRosterProjection.PROCESSOR, "no courier roster");
        return queries.query(new CourierRoster(minimumFreeCapacity, cursor, limit),
                ResponseTypes.instanceOf(CourierRosterPage.class)).join();
    }
}
