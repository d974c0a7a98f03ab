package io.pantrade.query.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantrade.kernel.order.DeliveryAddress;
import io.pantrade.kernel.order.FindOrder;
import io.pantrade.kernel.order.OrderPage;
import io.pantrade.kernel.order.OrderView;
import io.pantrade.kernel.order.OrdersOfCustomer;
import io.pantrade.kernel.privacy.PersonalDataCipher;
import io.pantrade.projection.order.OrderSummaries;
import io.pantrade.projection.order.OrderSummary;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers order queries from the order-summary read model, opening sealed addresses on the way out. */
@Component
class OrderQueries {

    private final OrderSummaries summaries;
    private final PersonalDataCipher personalData;
    private final ObjectMapper json;

    OrderQueries(OrderSummaries summaries, PersonalDataCipher personalData, ObjectMapper json) {
        this.summaries = summaries;
        this.personalData = personalData;
        this.json = json;
    }

    /** @return the order, or {@code null} when it is not (yet) in the read model */
    @QueryHandler
    OrderView handle(FindOrder query) {
        return summaries.find(query.orderId()).map(this::view).orElse(null);
    }

    /** @return the page, or {@code null} when the customer has no orders at all */
    @QueryHandler
    OrderPage handle(OrdersOfCustomer query) {
        OrderSummaries.CustomerOrders found = summaries.ofCustomer(query.customerId(), query.page(), query.size());
        if (found.total() == 0) {
            return null;
        }
        return OrderPage.of(found.orders().stream().map(this::view).toList(), query.page(), query.size(), found.total());
    }

    private OrderView view(OrderSummary summary) {
        return new OrderView(summary.orderId(), summary.customerId(), summary.status(), summary.lines(),
                summary.total(), address(summary), summary.placedAt(), summary.cancelledAt(), summary.cancelReason(),
                summary.completedAt());
    }

    /** {@code null} once the customer was erased: the key is gone, so is the address. */
    private DeliveryAddress address(OrderSummary summary) {
        return personalData.open(summary.deliveryAddress()).map(this::parse).orElse(null);
    }

    private DeliveryAddress parse(String sealedJson) {
        try {
            return json.readValue(sealedJson, DeliveryAddress.class);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("a sealed delivery address is not valid JSON", corrupt);
        }
    }
}
