package io.pantrade.command.payment;

import io.pantrade.kernel.crypto.WebhookVerifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


import java.time.Clock;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

    @Bean
    PaymentTerms paymentTerms(@Value("${pantrade.payments.hold-period:P7D}") Duration holdPeriod,
                              @Value("${pantrade.payments.max-amount-minor:100000000}") long maxAmountMinor,
                              @Value("${pantrade.payments.fee-basis-points:290}") int feeBasisPoints,
                              @Value("${pantrade.payments.fee-fixed-minor:30}") long feeFixedMinor) {
        return new PaymentTerms(holdPeriod, maxAmountMinor, feeBasisPoints, feeFixedMinor);
    }

    @Bean
    WebhookVerifier providerWebhookVerifier(ProviderWebhookSecrets secrets, Clock clock,
            @Value("${pantrade.payments.webhook.tolerance:PT5M}") Duration tolerance) {
        return new WebhookVerifier(secrets.accepted(), tolerance, clock);
    }
}
