package io.pantrade.query.recommendation;

import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.projection.behaviour.BehaviourReads;
import io.pantrade.query.RefreshedModel;
import io.pantrade.web.NotFoundException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Recommendations from the current similarity snapshot. The snapshot is rebuilt from the item
 * co-occurrence read model every {@code pantrade.recommendation.refresh-interval}; a query reads
 * one customer's history by id and scores it in memory.
 */
@Component
@EnableConfigurationProperties(RecommendationProperties.class)
class Recommender implements AutoCloseable {

    private final BehaviourReads behaviour;
    private final RefreshedModel<ItemSimilarity> model;

    Recommender(BehaviourReads behaviour, RecommendationProperties properties, Clock clock) {
        RecommenderSettings settings = properties.settings();
        this.behaviour = behaviour;
        this.model = new RefreshedModel<>("recommendation model",
                () -> ItemSimilarity.build(behaviour::forEachItem, settings, clock.instant()),
                properties.refreshInterval());
    }

    CustomerRecommendations forCustomer(CustomerId customerId, int k) {
        ItemSimilarity similarity = model.current();
        List<RecommendedItem> items = similarity.recommend(behaviour.historyOf(customerId), k);
        return new CustomerRecommendations(customerId, items, similarity.builtAt());
    }

    ProductRecommendations alsoBought(String sku, int k) {
        ItemSimilarity similarity = model.current();
        return similarity.alsoBought(sku, k)
                .map(items -> new ProductRecommendations(sku, items, similarity.builtAt()))
                .orElseThrow(() -> new NotFoundException("no product " + sku + " is known to the recommendation model"));
    }

    @Override
    public void close() {
        model.close();
    }
}
