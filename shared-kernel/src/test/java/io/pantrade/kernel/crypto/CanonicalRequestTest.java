package io.pantrade.kernel.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalRequestTest {

    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void is_method_path_timestamp_nonce_and_body_hash_one_per_line() {
        byte[] body = "{\"amountMinor\":1250}".getBytes(StandardCharsets.UTF_8);

        String canonical = text(CanonicalRequest.of("POST", "/api/payments/123/capture", 1_740_823_200L,
                "q1w2e3r4t5y6u7i8o9p0aa", body));

        assertThat(canonical).isEqualTo("""
                POST
                /api/payments/123/capture
                1740823200
                q1w2e3r4t5y6u7i8o9p0aa
                """ + CanonicalRequest.sha256Hex(body));
        assertThat(canonical).doesNotEndWith("\n");
    }

    @Test
    void the_body_hash_is_lowercase_hex_sha256_of_the_raw_bytes() {
        assertThat(CanonicalRequest.sha256Hex("abc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void no_body_is_hashed_as_the_empty_array() {
        assertThat(text(CanonicalRequest.of("DELETE", "/api/payment-methods/9", 1L, "nonce-nonce-nonce-nonce", null)))
                .endsWith("\n" + EMPTY_SHA256);
        assertThat(CanonicalRequest.of("DELETE", "/api/payment-methods/9", 1L, "nonce-nonce-nonce-nonce", new byte[0]))
                .isEqualTo(CanonicalRequest.of("DELETE", "/api/payment-methods/9", 1L, "nonce-nonce-nonce-nonce", null));
    }

    @Test
    void the_method_is_upper_cased_and_the_path_kept_as_sent_with_its_query() {
        assertThat(text(CanonicalRequest.of("post", "/api/payments/a%20b?full=true&x=%2F", 5L, "n", null)))
                .startsWith("POST\n/api/payments/a%20b?full=true&x=%2F\n5\nn\n");
    }

    @Test
    void an_element_spanning_lines_is_refused_so_that_no_two_requests_share_a_form() {
        assertThatThrownBy(() -> CanonicalRequest.of("POST", "/api/payments\n1", 5L, "n", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path");
        assertThatThrownBy(() -> CanonicalRequest.of("POST", "/api/payments", 5L, "n\r", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nonce");
        assertThatThrownBy(() -> CanonicalRequest.of("", "/api/payments", 5L, "n", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("method");
    }

    private static String text(byte[] canonical) {
        return new String(canonical, StandardCharsets.UTF_8);
    }
}
