package io.pantrade.query;

import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.projection.behaviour.BehaviourReads;
import io.pantrade.projection.behaviour.CustomerFeatures;
import io.pantrade.projection.behaviour.CustomerHistory;
import io.pantrade.projection.behaviour.ItemRow;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Consumer;

/**
 * Behaviour reads for a deployment whose projections keep no behaviour read models: the recommender
 * and the segmentation then answer from empty models. The MongoDB implementation replaces it.
 */
@Configuration(proxyBeanMethods = false)
class NoBehaviourRecorded {

    @Bean
    @ConditionalOnMissingBean
    BehaviourReads behaviourReads() {
        return new BehaviourReads() {
            @Override
            public CustomerHistory historyOf(CustomerId customerId) {
                return null;
            }

            @Override
            public void forEachItem(Consumer<ItemRow> row) {
            }

            @Override
            public void forEachCustomer(Consumer<CustomerFeatures> features) {
            }
        };
    }
}
