package io.pantrade.kernel.ledger;

import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.payment.MerchantId;
import io.pantrade.kernel.payment.PaymentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostingTest {

    private static final PaymentId PAYMENT = new PaymentId(UUID.randomUUID().toString());
    private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void a_posting_balances_in_each_currency_or_cannot_be_made() {
        assertThat(posting(line("fees", 5, "EUR"), line("refunds", -5, "EUR"), line("fees", 3, "USD"),
                line("refunds", -3, "USD")).lines()).hasSize(4);

        assertThatThrownBy(() -> posting(line("fees", 5, "EUR"), line("refunds", -4, "EUR")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not balance in EUR");
        assertThatThrownBy(() -> posting(line("fees", 5, "EUR"), line("refunds", -5, "USD")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(PostingTest::posting).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void account_ids_name_a_party_or_one_of_the_operators_accounts() {
        String uuid = UUID.randomUUID().toString();
        assertThat(new LedgerAccountId("merchant:" + uuid.toUpperCase()))
                .isEqualTo(LedgerAccountId.merchant(new MerchantId(uuid)));
        assertThat(new LedgerAccountId("customer:" + uuid)).isEqualTo(LedgerAccountId.customer(new CustomerId(uuid)));
        assertThat(new LedgerAccountId("fees")).isEqualTo(LedgerAccountId.FEES);
        assertThat(LedgerAccountId.PROVIDER_CLEARING.isWallet()).isFalse();
        assertThat(LedgerAccountId.REFUNDS.isWallet()).isTrue();
        assertThat(LedgerAccountId.merchant(new MerchantId(uuid)).isWallet()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "merchant:", "merchant:not-a-uuid", "supplier:3f0c8a52-6c1e-4a7b-9d2e-5b8f1a0c4d7e",
            "FEES", "fees ", "3f0c8a52-6c1e-4a7b-9d2e-5b8f1a0c4d7e"})
    void anything_else_is_not_an_account(String id) {
        assertThatThrownBy(() -> new LedgerAccountId(id)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Posting posting(PostingLine... lines) {
        return new Posting("p", PAYMENT, "test", AT, List.of(lines));
    }

    private static PostingLine line(String account, long amount, String currency) {
        return new PostingLine(new LedgerAccountId(account), new Money(amount, currency));
    }
}
