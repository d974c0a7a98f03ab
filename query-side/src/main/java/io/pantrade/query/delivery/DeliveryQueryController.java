package io.pantrade.query.delivery;

import io.pantrade.kernel.delivery.DeliveryBoard;
import io.pantrade.kernel.delivery.DeliveryBoardPage;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.delivery.DeliveryStatus;
import io.pantrade.kernel.delivery.DeliveryView;
import io.pantrade.kernel.delivery.FindDelivery;
import io.pantrade.projection.delivery.Deliveries;
import io.pantrade.projection.delivery.DeliveryBoardProjection;
import io.pantrade.query.ReadModelFreshness;
import io.pantrade.web.InvalidFieldException;
import io.pantrade.web.PathIds;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Deliveries with their history, and the board the dispatcher reads: the unfinished deliveries in
 * one state, oldest first. While the board is rebuilt after a start it is incomplete, so a page is
 * 503 with Retry-After rather than a list that misses deliveries.
 */
@RestController
class DeliveryQueryController {

    private static final List<String> BOARDS = Arrays.stream(DeliveryStatus.values())
            .filter(status -> !status.isFinished()).map(Enum::name).toList();

    private final QueryGateway queries;
    private final ReadModelFreshness freshness;

    DeliveryQueryController(QueryGateway queries, ReadModelFreshness freshness) {
        this.queries = queries;
        this.freshness = freshness;
    }

    @GetMapping(path = "/api/deliveries/{deliveryId}", produces = MediaType.APPLICATION_JSON_VALUE)
    DeliveryView delivery(@PathVariable String deliveryId) {
        DeliveryId id = PathIds.parse(deliveryId, "deliveryId", DeliveryId::new);
        return Optional.ofNullable(queries.query(new FindDelivery(id), ResponseTypes.instanceOf(DeliveryView.class)).join())
                .orElseThrow(() -> freshness.missing(DeliveryBoardProjection.PROCESSOR, "no delivery " + id + " is known"));
    }

    /** {@code after} is the {@code next} of the page before. */
    @GetMapping(path = "/api/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
    DeliveryBoardPage board(@RequestParam(required = false) String status,
                            @RequestParam(required = false)
                            @Pattern(regexp = Deliveries.CURSOR_PATTERN, message = "must be the next of an earlier page")
                            String after,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        DeliveryStatus board = boardOf(status);
        freshness.requireCaughtUp(DeliveryBoardProjection.PROCESSOR, "no delivery board");
        return queries.query(new DeliveryBoard(board, after, limit), ResponseTypes.instanceOf(DeliveryBoardPage.class))
                .join();
    }

    private static DeliveryStatus boardOf(String status) {
        if (status == null || !BOARDS.contains(status)) {
            throw new InvalidFieldException("status", "is required, one of " + String.join(", ", BOARDS)
                    + " (finished deliveries are on no board)");
        }
        return DeliveryStatus.valueOf(status);
    }
}
