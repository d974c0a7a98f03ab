package io.pantrade.command.idempotency;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFingerprintTest {

    private static final String PATH = "/api/orders";

    @Test
    void is_a_sha256_in_hex() {
        assertThat(of("POST", PATH, "{\"a\":1}")).matches("[0-9a-f]{64}");
    }

    @Test
    void the_same_json_with_other_key_order_and_whitespace_is_the_same_request() {
        String compact = "{\"customerId\":\"c-1\",\"lines\":[{\"sku\":\"A\",\"quantity\":2},{\"sku\":\"B\",\"quantity\":1}],"
                + "\"address\":{\"street\":\"1 Main St\",\"city\":\"Lyon\"}}";
        String reordered = """
                {
                  "address" : { "city" : "Lyon", "street" : "1 Main St" },
                  "lines" : [ { "quantity" : 2, "sku" : "A" }, { "quantity" : 1, "sku" : "B" } ],
                  "customerId" : "c-1"
                }
                """;

        assertThat(of("POST", PATH, reordered)).isEqualTo(of("POST", PATH, compact));
    }

    @Test
    void another_value_is_another_request() {
        String base = of("POST", PATH, "{\"sku\":\"A\",\"quantity\":2}");

        assertThat(of("POST", PATH, "{\"sku\":\"A\",\"quantity\":3}")).isNotEqualTo(base);
        assertThat(of("POST", PATH, "{\"sku\":\"B\",\"quantity\":2}")).isNotEqualTo(base);
        assertThat(of("POST", PATH, "{\"sku\":\"A\",\"quantity\":\"2\"}")).isNotEqualTo(base);
        assertThat(of("POST", PATH, "{\"sku\":\"A\",\"quantity\":2,\"note\":null}")).isNotEqualTo(base);
        assertThat(of("POST", PATH, "{\"sku\":\"A\"}")).isNotEqualTo(base);
    }

    @Test
    void the_order_of_array_elements_matters() {
        assertThat(of("POST", PATH, "{\"skus\":[\"A\",\"B\"]}")).isNotEqualTo(of("POST", PATH, "{\"skus\":[\"B\",\"A\"]}"));
    }

    @Test
    void decimals_that_differ_beyond_double_precision_are_other_requests() {
        assertThat(of("POST", PATH, "{\"latitude\":45.76404000000000001}"))
                .isNotEqualTo(of("POST", PATH, "{\"latitude\":45.76404}"));
    }

    @Test
    void another_path_or_method_is_another_request() {
        String body = "{\"reason\":\"late\"}";
        String base = of("POST", "/api/orders/1/cancel", body);

        assertThat(of("POST", "/api/orders/2/cancel", body)).isNotEqualTo(base);
        assertThat(of("PUT", "/api/orders/1/cancel", body)).isNotEqualTo(base);
        assertThat(of("POST", "/api/orders/1/cancel", body)).isEqualTo(base);
    }

    @Test
    void a_body_that_is_not_json_is_hashed_as_sent() {
        String form = "sku=A&quantity=2";

        assertThat(of("POST", PATH, form)).isEqualTo(of("POST", PATH, form));
        assertThat(of("POST", PATH, "sku=A&quantity=3")).isNotEqualTo(of("POST", PATH, form));
        assertThat(of("POST", PATH, "sku=A&quantity=2 ")).isNotEqualTo(of("POST", PATH, form));
        assertThat(RequestFingerprint.of("POST", PATH, new byte[]{1, 2, (byte) 0xFF}))
                .isNotEqualTo(RequestFingerprint.of("POST", PATH, new byte[]{1, 2, (byte) 0xFE}));
    }

    @Test
    void a_body_that_only_starts_with_json_is_not_json_and_is_hashed_as_sent() {
        assertThat(of("POST", PATH, "1 apple")).isNotEqualTo(of("POST", PATH, "1 pear"));
        assertThat(of("POST", PATH, "{\"quantity\":1} {\"quantity\":9}")).isNotEqualTo(of("POST", PATH, "{\"quantity\":1}"));
    }

    @Test
    void an_empty_body_is_not_an_empty_json_object() {
        assertThat(of("POST", PATH, "")).isEqualTo(of("POST", PATH, "")).isNotEqualTo(of("POST", PATH, "{}"));
    }

    private static String of(String method, String path, String body) {
        return RequestFingerprint.of(method, path, body.getBytes(StandardCharsets.UTF_8));
    }
}
