package io.pantrade.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.pantrade.app.Http.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.pantrade.app.OrderApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The recommendation and segment APIs over HTTP: validation, unknown ids and paging. No test here
 * records behaviour, so it holds whether or not the engine keeps behaviour read models.
 */
class RecommendationApiTest extends RunningEngineTest {

    /** The models are built off the request path after the start: 503 until then. */
    @BeforeEach
    void modelsBuilt() {
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/segments").status() == 200
                && http.get("/api/recommendations/customers/" + UUID.randomUUID()).status() == 200);
    }

    @Test
    void a_customer_nothing_is_known_of_gets_popular_items_only() {
        String customer = UUID.randomUUID().toString();

        JsonNode answer = http.get("/api/recommendations/customers/" + customer + "?k=5").json();

        assertThat(answer.path("customerId").asText()).isEqualTo(customer);
        assertThat(answer.path("modelBuiltAt").asText()).isNotBlank();
        assertThat(answer.path("items").size()).isLessThanOrEqualTo(5);
        answer.path("items").forEach(item -> assertThat(item.path("basis").asText()).isEqualTo("POPULAR"));
    }

    @Test
    void an_unknown_product_is_404_and_bad_input_400_with_the_field_named() {
        assertProblem(http.get("/api/recommendations/products/no-such-sku-" + UUID.randomUUID()), 404, "not-found");
        for (String badK : List.of("k=0", "k=101", "k=ten")) {
            for (String path : List.of("/api/recommendations/customers/" + UUID.randomUUID(),
                    "/api/recommendations/products/SKU-1")) {
                Reply reply = http.get(path + "?" + badK);
                assertProblem(reply, 400, "invalid-request");
                assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo("k");
            }
        }
        Reply notACustomer = http.get("/api/recommendations/customers/17850");
        assertProblem(notACustomer, 400, "invalid-request");
        assertThat(notACustomer.json().path("errors").get(0).path("field").asText()).isEqualTo("customerId");
        assertProblem(http.get("/api/recommendations/products/" + "X".repeat(101)), 400, "invalid-request");
    }

    @Test
    void segments_answer_with_their_k_and_an_unknown_customer_or_segment_is_404() {
        JsonNode segments = http.get("/api/segments").json();
        assertThat(segments.path("builtAt").asText()).isNotBlank();
        assertThat(segments.has("segments")).isTrue();
        if (segments.path("segments").isEmpty()) {
            assertThat(segments.path("note").asText()).isEqualTo("no customer has ordered yet: nothing to segment");
        }

        assertProblem(http.get("/api/segments/customers/" + UUID.randomUUID()), 404, "not-found");
        assertProblem(http.get("/api/segments/1000000/customers"), 404, "not-found");
    }

    @Test
    void segment_paging_and_ids_are_validated() {
        for (String badPaging : List.of("page=-1", "page=x", "size=0", "size=101")) {
            Reply reply = http.get("/api/segments/0/customers?" + badPaging);
            assertProblem(reply, 400, "invalid-request");
            assertThat(reply.json().path("errors").get(0).path("field").asText())
                    .isEqualTo(badPaging.substring(0, badPaging.indexOf('=')));
        }
        Reply notASegment = http.get("/api/segments/loyal/customers");
        assertProblem(notASegment, 400, "invalid-request");
        assertThat(notASegment.json().path("errors").get(0).path("field").asText()).isEqualTo("segmentId");
        assertProblem(http.get("/api/segments/customers/not-a-uuid"), 400, "invalid-request");
    }
}
