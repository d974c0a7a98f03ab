package io.pantrade.projection.ledger;

import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.payment.MerchantId;
import io.pantrade.kernel.payment.PaymentAuthorizationRequested;
import io.pantrade.kernel.payment.PaymentId;

/** Who pays and who is paid: named once, when the authorization is requested, and needed by every posting after. */
record PaymentParties(PaymentId paymentId, CustomerId customerId, MerchantId merchantId) {

    static PaymentParties of(PaymentAuthorizationRequested requested) {
        return new PaymentParties(requested.paymentId(), requested.customerId(), requested.merchantId());
    }
}
