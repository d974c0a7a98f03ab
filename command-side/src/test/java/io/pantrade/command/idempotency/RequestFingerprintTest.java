package io.pantrade.command.idempotency;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFingerprintTest {

    private static final String PATH = "/api/orders";
    static final RequestFingerprint FINGERPRINT = withKey(1);

    @Test
    void is_an_hmac_sha256_in_hex_under_the_key_over_method_path_and_canonical_body() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keyBytes(1), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(
                "POST /api/cards\n{\"a\":1,\"number\":\"4111111111111111\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(of("POST", "/api/cards", "{ \"number\": \"4111111111111111\", \"a\": 1 }"))
                .matches("[0-9a-f]{64}")
                .isEqualTo(expected);
    }

    @Test
    void is_not_the_unkeyed_sha256_a_reader_of_the_store_could_recompute() throws Exception {
        String request = "POST /api/cards\n{\"number\":\"4111111111111111\"}";
        String unkeyed = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8)));

        assertThat(of("POST", "/api/cards", "{\"number\":\"4111111111111111\"}")).isNotEqualTo(unkeyed);
    }

    @Test
    void another_key_gives_another_fingerprint_and_the_same_key_the_same() {
        byte[] body = "{\"number\":\"4111111111111111\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(withKey(2).of("POST", PATH, body)).isNotEqualTo(FINGERPRINT.of("POST", PATH, body));
        assertThat(withKey(1).of("POST", PATH, body)).isEqualTo(FINGERPRINT.of("POST", PATH, body));
    }

    @Test
    void one_request_leaves_nothing_behind_for_the_next_on_any_thread() throws Exception {
        byte[] body = "{\"number\":\"4111111111111111\"}".getBytes(StandardCharsets.UTF_8);
        String alone = withKey(1).of("POST", PATH, body);

        FINGERPRINT.of("POST", "/api/cards", "not json".getBytes(StandardCharsets.UTF_8));
        assertThat(FINGERPRINT.of("POST", PATH, body)).isEqualTo(alone);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> parallel = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                byte[] other = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                parallel.add(threads.submit(() -> {
                    FINGERPRINT.of("POST", PATH, other);
                    return FINGERPRINT.of("POST", PATH, body);
                }));
            }
            for (Future<String> fingerprint : parallel) {
                assertThat(fingerprint.get()).isEqualTo(alone);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void says_nothing_of_its_key() {
        assertThat(FINGERPRINT.toString()).doesNotContain(Base64.getEncoder().encodeToString(keyBytes(1)))
                .contains("redacted");
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
        assertThat(FINGERPRINT.of("POST", PATH, new byte[]{1, 2, (byte) 0xFF}))
                .isNotEqualTo(FINGERPRINT.of("POST", PATH, new byte[]{1, 2, (byte) 0xFE}));
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
        return FINGERPRINT.of(method, path, body.getBytes(StandardCharsets.UTF_8));
    }

    private static RequestFingerprint withKey(int seed) {
        return new RequestFingerprint(new SecretKeySpec(keyBytes(seed), "AES"));
    }

    private static byte[] keyBytes(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }
}
