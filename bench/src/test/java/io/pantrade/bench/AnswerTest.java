package io.pantrade.bench;

import org.junit.jupiter.api.Test;

import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerTest {

    @Test
    void a_refusal_is_counted_with_its_problem_type() {
        Answer answer = Answer.of(new HttpTransport.Response(409,
                "{\"type\":\"urn:pantrade:problem:payment.authorization-pending\",\"status\":409}"));

        assertThat(answer.status()).isEqualTo("409 payment.authorization-pending");
    }

    @Test
    void a_success_is_counted_by_its_status_alone_and_its_fields_are_read() {
        Answer answer = Answer.of(new HttpTransport.Response(201, "{\"orderId\" : \"o-1\",\"token\":\"t-9\"}"));

        assertThat(answer.status()).isEqualTo("201");
        assertThat(answer.field("orderId")).isEqualTo("o-1");
        assertThat(answer.field("token")).isEqualTo("t-9");
        assertThat(answer.field("paymentId")).isNull();
    }

    @Test
    void a_client_side_failure_is_counted_by_its_kind() {
        assertThat(Answer.failed(new SocketTimeoutException("read timed out")).status()).isEqualTo("SocketTimeoutException");
    }
}
