package io.pantrade.projection.behaviour;

import java.util.Map;

/**
 * One SKU: how many customers interacted with it ({@code customers}), its total interaction weight
 * ({@code popularity}), and for every other SKU how many customers interacted with both
 * ({@code cooccurrence}, symmetric over the rows).
 */
public record ItemRow(String sku, long customers, double popularity, Map<String, Long> cooccurrence) {

    public ItemRow {
        cooccurrence = Map.copyOf(cooccurrence);
    }
}
