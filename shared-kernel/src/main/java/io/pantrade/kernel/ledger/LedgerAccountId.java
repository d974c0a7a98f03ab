package io.pantrade.kernel.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.pantrade.kernel.Uuids;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.payment.MerchantId;

import java.util.Set;

/**
 * An account of the double-entry ledger: {@code customer:<customerId>}, {@code merchant:<merchantId>},
 * {@code provider-clearing}, {@code refunds} or {@code fees}. An account holds a balance per currency.
 * Every account but provider-clearing is a wallet: money owed to someone, whose balance must never
 * fall below zero in its normal (credit) direction.
 */
public record LedgerAccountId(@JsonValue String value) {

    // before the constants below: their construction reads these
    private static final Set<String> FIXED = Set.of("provider-clearing", "refunds", "fees");
    private static final String CUSTOMER = "customer:";
    private static final String MERCHANT = "merchant:";

    public static final LedgerAccountId PROVIDER_CLEARING = new LedgerAccountId("provider-clearing");
    public static final LedgerAccountId REFUNDS = new LedgerAccountId("refunds");
    public static final LedgerAccountId FEES = new LedgerAccountId("fees");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public LedgerAccountId {
        value = canonical(value);
    }

    public static LedgerAccountId customer(CustomerId customer) {
        return new LedgerAccountId(CUSTOMER + customer.value());
    }

    public static LedgerAccountId merchant(MerchantId merchant) {
        return new LedgerAccountId(MERCHANT + merchant.value());
    }

    public boolean isWallet() {
        return !equals(PROVIDER_CLEARING);
    }

    private static String canonical(String value) {
        if (value != null && FIXED.contains(value)) {
            return value;
        }
        for (String prefix : new String[] {CUSTOMER, MERCHANT}) {
            if (value != null && value.startsWith(prefix)) {
                return prefix + Uuids.requireUuid(value.substring(prefix.length()), "account id");
            }
        }
        throw new IllegalArgumentException(
                "not a ledger account: " + value + " (customer:<uuid>, merchant:<uuid>, provider-clearing, refunds or fees)");
    }

    @Override
    public String toString() {
        return value;
    }
}
