package io.pantrade.app;

import java.util.UUID;

/** Request bodies for the order API. */
final class Orders {

    private Orders() {
    }

    static String customer() {
        return UUID.randomUUID().toString();
    }

    static String order(String customerId, String sku, int quantity, long unitPriceMinor, String currency) {
        return """
                {"customerId":"%s","lines":[{"sku":"%s","quantity":%d,"unitPrice":{"amountMinor":%d,"currency":"%s"}}],
                 "deliveryAddress":{"recipient":"Ada Lovelace","street":"12 St James's Square","city":"London",
                 "postalCode":"SW1Y 4JH","country":"GB","phone":"+44 20 7946 0000"}}"""
                .formatted(customerId, sku, quantity, unitPriceMinor, currency);
    }

    static String order(String customerId) {
        return order(customerId, "SKU-1", 2, 1999, "EUR");
    }
}
