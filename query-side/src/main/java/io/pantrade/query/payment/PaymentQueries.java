package io.pantrade.query.payment;

import io.pantrade.kernel.payment.AwaitingOutcome;
import io.pantrade.kernel.payment.FindPayment;
import io.pantrade.kernel.payment.PaymentView;
import io.pantrade.kernel.payment.PaymentsAwaitingOutcome;
import io.pantrade.projection.payment.PaymentSummaries;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class PaymentQueries {

    private final PaymentSummaries summaries;

    PaymentQueries(PaymentSummaries summaries) {
        this.summaries = summaries;
    }

    /** @return the payment, or {@code null} when it is not (yet) in the read model */
    @QueryHandler
    PaymentView handle(FindPayment query) {
        return summaries.find(query.paymentId()).orElse(null);
    }

    @QueryHandler
    List<AwaitingOutcome> handle(PaymentsAwaitingOutcome query) {
        return summaries.awaitingOutcome();
    }
}
