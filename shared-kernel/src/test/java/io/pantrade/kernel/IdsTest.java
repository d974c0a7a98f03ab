package io.pantrade.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.DeliveryAddress;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.order.OrderLine;
import io.pantrade.kernel.order.OrderPlaced;
import io.pantrade.kernel.privacy.SealedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdsTest {

    private static final String UUID = "123e4567-e89b-42d3-a456-426614174000";
    private static final String UPPER_CASE_UUID = UUID.toUpperCase();

    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    @Test
    void order_id_accepts_a_canonical_uuid() {
        assertThat(new OrderId(UUID).value()).isEqualTo(UUID);
    }

    @Test
    void order_id_normalises_upper_case_to_lower_case() {
        assertThat(new OrderId(UPPER_CASE_UUID)).isEqualTo(new OrderId(UUID));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not-a-uuid", "123e4567e89b42d3a456426614174000", "1-1-1-1-1",
            " 123e4567-e89b-42d3-a456-426614174000", "{123e4567-e89b-42d3-a456-426614174000}",
            "123e4567-e89b-42d3-a456-42661417400g"})
    void order_id_rejects_anything_but_a_canonical_uuid(String value) {
        assertThatThrownBy(() -> new OrderId(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void customer_id_accepts_a_canonical_uuid() {
        assertThat(new CustomerId(UUID).value()).isEqualTo(UUID);
    }

    @Test
    void customer_id_normalises_upper_case_to_lower_case() {
        assertThat(new CustomerId(UPPER_CASE_UUID)).isEqualTo(new CustomerId(UUID));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not-a-uuid", "123e4567e89b42d3a456426614174000", "1-1-1-1-1",
            "123e4567-e89b-42d3-a456-426614174000 "})
    void customer_id_rejects_anything_but_a_canonical_uuid(String value) {
        assertThatThrownBy(() -> new CustomerId(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void to_string_is_the_bare_uuid_because_axon_uses_it_as_the_aggregate_id() {
        assertThat(new OrderId(UPPER_CASE_UUID)).hasToString(UUID);
        assertThat(new CustomerId(UPPER_CASE_UUID)).hasToString(UUID);
    }

    @Test
    void a_random_order_id_is_a_canonical_uuid() {
        OrderId id = OrderId.random();

        assertThat(Uuids.requireUuid(id.value(), "order id")).isEqualTo(id.value());
        assertThat(id.value()).isEqualTo(id.value().toLowerCase());
    }

    @Test
    void order_placed_survives_a_jackson_round_trip_with_ids_as_bare_strings() throws Exception {
        OrderId orderId = new OrderId(UUID);
        CustomerId customerId = new CustomerId("0b9e2c4d-8a1f-4c3e-b6d7-1e2f3a4b5c6d");
        OrderPlaced event = new OrderPlaced(orderId, customerId,
                List.of(new OrderLine("apple", 2, new Money(250, "EUR"))), new Money(500, "EUR"),
                new SealedText(customerId.value(), "Y2lwaGVy"), Instant.parse("2025-03-14T09:26:53.123Z"));

        String written = json.writeValueAsString(event);
        JsonNode tree = json.readTree(written);

        assertThat(tree.get("orderId").isTextual()).isTrue();
        assertThat(tree.get("orderId").asText()).isEqualTo(UUID);
        assertThat(tree.get("customerId").asText()).isEqualTo(customerId.value());
        assertThat(json.readValue(written, OrderPlaced.class)).isEqualTo(event);
    }

    @Test
    void an_id_read_from_json_is_normalised() throws Exception {
        assertThat(json.readValue("\"" + UPPER_CASE_UUID + "\"", OrderId.class)).isEqualTo(new OrderId(UUID));
    }

    @Test
    void delivery_address_to_string_leaks_no_personal_data() {
        DeliveryAddress address = new DeliveryAddress("Erika Mustermann", "Heidestraße 17", "Köln", "51147",
                "Deutschland", "+49 221 1234567");

        assertThat(address.toString())
                .doesNotContain("Erika", "Mustermann", "Heidestraße", "Köln", "51147", "Deutschland", "1234567");
    }
}
