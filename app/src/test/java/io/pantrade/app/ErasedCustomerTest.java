package io.pantrade.app;

import io.pantrade.kernel.privacy.PersonalDataCipher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static io.pantrade.app.OrderApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Once a customer's key is destroyed, their orders stay readable but their address is gone everywhere. */
class ErasedCustomerTest extends RunningEngineTest {

    @Autowired
    PersonalDataCipher personalData;

    @Test
    void an_erased_customers_orders_show_no_address_and_they_can_place_no_more() {
        String customer = Orders.customer();
        String orderId = http.post("/api/orders", Orders.order(customer)).field("orderId");
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/orders/" + orderId).status() == 200);
        assertThat(http.get("/api/orders/" + orderId).json().path("deliveryAddress").isObject()).isTrue();

        personalData.shred(customer);

        var order = http.get("/api/orders/" + orderId).json();
        assertThat(order.path("status").asText()).isEqualTo("PLACED");
        assertThat(order.path("total").path("amountMinor").asLong()).isEqualTo(3998);
        assertThat(order.has("deliveryAddress")).isFalse();
        assertThat(http.get("/api/customers/" + customer + "/orders").body()).doesNotContain("Lovelace");
        assertProblem(http.post("/api/orders", Orders.order(customer)), 422, "customer-erased");
    }
}
