package io.pantrade.query.delivery;

import io.pantrade.kernel.delivery.CourierRoster;
import io.pantrade.kernel.delivery.CourierRosterPage;
import io.pantrade.kernel.delivery.CourierView;
import io.pantrade.kernel.delivery.DeliveryBoard;
import io.pantrade.kernel.delivery.DeliveryBoardPage;
import io.pantrade.kernel.delivery.DeliveryView;
import io.pantrade.kernel.delivery.FindCourier;
import io.pantrade.kernel.delivery.FindDelivery;
import io.pantrade.projection.delivery.Couriers;
import io.pantrade.projection.delivery.Deliveries;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers delivery and courier queries from the delivery board and the courier roster. */
@Component
class DeliveryQueries {

    private final Deliveries deliveries;
    private final Couriers couriers;

    DeliveryQueries(Deliveries deliveries, Couriers couriers) {
        this.deliveries = deliveries;
        this.couriers = couriers;
    }

    /** @return the delivery, or {@code null} when it is not (yet) in the read model */
    @QueryHandler
    DeliveryView handle(FindDelivery query) {
        return deliveries.find(query.deliveryId()).orElse(null);
    }

    @QueryHandler
    DeliveryBoardPage handle(DeliveryBoard query) {
        return deliveries.board(query.status(), query.after(), query.limit());
    }

    /** @return the courier, or {@code null} when it is not (yet) in the read model */
    @QueryHandler
    CourierView handle(FindCourier query) {
        return couriers.find(query.courierId()).orElse(null);
    }

    @QueryHandler
    CourierRosterPage handle(CourierRoster query) {
        return couriers.roster(query.minimumFreeCapacity(), query.after(), query.limit());
    }
}
