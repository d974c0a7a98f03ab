package io.pantrade.saga.fulfilment;

import io.pantrade.saga.SagaProcessing;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class FulfilmentConfiguration {

    @Bean
    ConfigurerModule orderFulfilmentProcessing() {
        return SagaProcessing.module(OrderFulfilmentSaga.PROCESSING_GROUP);
    }

    @Bean
    FulfilmentTimeouts fulfilmentTimeouts(
            @Value("${pantrade.fulfilment.payment-outcome-timeout:PT10M}") Duration paymentOutcome,
            @Value("${pantrade.fulfilment.courier-assignment-timeout:PT15M}") Duration courierAssignment,
            @Value("${pantrade.fulfilment.pickup-timeout:PT30M}") Duration pickup,
            @Value("${pantrade.fulfilment.delivery-timeout:PT2H}") Duration delivery,
            @Value("${pantrade.fulfilment.pickup-attempts:3}") int pickupAttempts) {
        return new FulfilmentTimeouts(paymentOutcome, courierAssignment, pickup, delivery, pickupAttempts);
    }
}
