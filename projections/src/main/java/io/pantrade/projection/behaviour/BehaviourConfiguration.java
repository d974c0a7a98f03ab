package io.pantrade.projection.behaviour;

import com.mongodb.client.MongoDatabase;
import io.pantrade.projection.ProjectionProcessing;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BehaviourConfiguration {

    @Bean
    BehaviourReadModel behaviourReadModel(MongoDatabase readModels) {
        return new BehaviourReadModel(readModels);
    }

    @Bean
    BehaviourReads behaviourReads(BehaviourReadModel readModel) {
        return new MongoBehaviourReads(readModel);
    }

    @Bean
    BehaviourProjection behaviourProjection(BehaviourReadModel readModel, EventStore events,
            @Value("${pantrade.behaviour.weights.purchase:1.0}") double purchase,
            @Value("${pantrade.behaviour.weights.cart:0.5}") double cart,
            @Value("${pantrade.behaviour.weights.view:0.1}") double view,
            @Value("${pantrade.behaviour.weights.rating-per-star:0.5}") double ratingPerStar,
            @Value("${pantrade.behaviour.cooccurrence-cap:20}") int cooccurrenceCap) {
        return new BehaviourProjection(readModel, events, new BehaviourWeights(purchase, cart, view, ratingPerStar),
                cooccurrenceCap);
    }

    /** One segment whatever {@code pantrade.projections.segments} says: see {@link BehaviourProjection}. */
    @Bean
    ConfigurerModule behaviourProcessing(MongoDatabase readModels, ProjectionTuning tuning) {
        return ProjectionProcessing.module(BehaviourProjection.PROCESSOR, readModels, tuning.oneSegment());
    }
}
