package io.pantrade.kernel.behaviour;

/**
 * A product's name and category, as a merchant's catalogue (or an import) states them; the latest
 * one for a SKU counts. Analytics read the category from here: order lines carry only the SKU.
 */
public record ProductCatalogued(String sku, String name, String category) {
}
