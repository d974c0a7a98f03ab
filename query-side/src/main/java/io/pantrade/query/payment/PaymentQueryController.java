package io.pantrade.query.payment;

import io.pantrade.kernel.payment.FindPayment;
import io.pantrade.kernel.payment.PaymentId;
import io.pantrade.kernel.payment.PaymentView;
import io.pantrade.projection.payment.PaymentSummaryProjection;
import io.pantrade.query.ReadModelFreshness;
import io.pantrade.web.PathIds;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/** A payment with its history; eventually consistent like every read. */
@RestController
class PaymentQueryController {

    private final QueryGateway queries;
    private final ReadModelFreshness freshness;

    PaymentQueryController(QueryGateway queries, ReadModelFreshness freshness) {
        this.queries = queries;
        this.freshness = freshness;
    }

    @GetMapping(path = "/api/payments/{paymentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    PaymentView payment(@PathVariable String paymentId) {
        PaymentId id = PathIds.parse(paymentId, "paymentId", PaymentId::new);
        return Optional.ofNullable(queries.query(new FindPayment(id), ResponseTypes.instanceOf(PaymentView.class)).join())
                .orElseThrow(() -> freshness.missing(PaymentSummaryProjection.PROCESSOR, "no payment " + id + " is known"));
    }
}
