package io.pantrade.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.pantrade.command.payment.simulated.SimulatedPaymentProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payment whose provider call timed out is UNKNOWN when the engine stops. After the restart,
 * reconciliation asks the provider and settles it, and nothing sends the authorization again.
 */
class PaymentRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void reconciliation_settles_after_a_restart_a_payment_left_unknown_before_it() {
        String paymentId;
        try (Engine engine = start("pantrade.payments.reconciliation.interval=PT1H")) {
            Payments payments = new Payments(engine.http());
            String customer = Orders.customer();
            String token = payments.registerCard(customer, Payments.TIMING_OUT_VISA);
            paymentId = payments.post("/api/payments", Payments.authorization(customer, token, 1_200)).field("paymentId");

            assertThat(Payments.awaitStatus(engine.http(), paymentId, "UNKNOWN").path("captured").path("amountMinor").asLong())
                    .isZero();
            assertThat(engine.bean(SimulatedPaymentProvider.class).authorizationRequests()).isEqualTo(1);
        }

        try (Engine restarted = start("pantrade.payments.reconciliation.interval=PT0.2S")) {
            Http http = restarted.http();
            JsonNode settled = Payments.awaitStatus(http, paymentId, "AUTHORIZED");

            assertThat(settled.path("providerReference").asText()).isEqualTo("psp_" + paymentId);
            assertThat(restarted.bean(SimulatedPaymentProvider.class).authorizationRequests())
                    .as("the authorization is looked up, never sent again").isZero();
            assertThat(new Payments(http).post("/api/payments/" + paymentId + "/capture", Payments.amount(1_200))
                    .status()).isEqualTo(202);
            assertThat(Payments.steps(Payments.awaitStatus(http, paymentId, "CAPTURED")))
                    .containsExactly("REQUESTED", "UNKNOWN", "AUTHORIZED", "CAPTURED");
        }
    }

    private Engine start(String reconciliationInterval) {
        return Engine.start(dataDir, reconciliationInterval);
    }
}
