package io.pantrade.saga.dispatch;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The optimizer will replace the simple dispatcher by declaring its own {@link DeliveryDispatcher} bean. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pantrade.dispatch.enabled", havingValue = "true", matchIfMissing = true)
class DispatchConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DeliveryDispatcher deliveryDispatcher() {
        return new NearestCourierDispatcher();
    }

    @Bean
    DispatchRound dispatchRound(DeliveryDispatcher dispatcher, QueryGateway queries, CommandGateway commands,
                                @Value("${pantrade.dispatch.batch-size:500}") int batchSize) {
        return new DispatchRound(dispatcher, queries, commands, batchSize);
    }
}
