package io.pantrade.query.recommendation;

import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.web.PathIds;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any customer id gets an answer (popular items when nothing is known of them: a new customer is
 * no error); an unknown product is a 404. Until the first model is built, 503 with Retry-After.
 */
@RestController
class RecommendationController {

    private final Recommender recommender;

    RecommendationController(Recommender recommender) {
        this.recommender = recommender;
    }

    @GetMapping(path = "/api/recommendations/customers/{customerId}", produces = MediaType.APPLICATION_JSON_VALUE)
    CustomerRecommendations forCustomer(@PathVariable String customerId,
                                        @RequestParam(defaultValue = "10") @Min(1) @Max(100) int k) {
        return recommender.forCustomer(PathIds.parse(customerId, "customerId", CustomerId::new), k);
    }

    @GetMapping(path = "/api/recommendations/products/{sku}", produces = MediaType.APPLICATION_JSON_VALUE)
    ProductRecommendations alsoBought(@PathVariable @Size(max = 100) String sku,
                                      @RequestParam(defaultValue = "10") @Min(1) @Max(100) int k) {
        return recommender.alsoBought(sku, k);
    }
}
