package io.pantrade.projection.behaviour;

import io.pantrade.kernel.customer.CustomerId;

import java.util.function.Consumer;

/**
 * What the recommender and the segmentation read from the behaviour read models: one customer's
 * history by id, and every item's co-occurrence row and every customer's features as a stream (for
 * rebuilding their models off the request path). Implemented over MongoDB, read by {@code _id}.
 */
public interface BehaviourReads {

    /** @return {@code null} when the customer has no recorded behaviour */
    CustomerHistory historyOf(CustomerId customerId);

    void forEachItem(Consumer<ItemRow> row);

    void forEachCustomer(Consumer<CustomerFeatures> features);
}
