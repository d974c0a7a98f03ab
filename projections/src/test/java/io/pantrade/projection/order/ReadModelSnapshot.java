package io.pantrade.projection.order;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.Map;
import java.util.TreeMap;

/**
 * Every document of the order-summary read model, by collection and {@code _id}. A customer's
 * orders are maps in the parts of their listing (segments may add to them in any interleaving;
 * readers sort them), and documents compare as maps, whatever the order of their keys.
 */
record ReadModelSnapshot(Map<String, Document> orders, Map<String, Document> customerOrders) {

    static ReadModelSnapshot of(MongoDatabase database) {
        Map<String, Document> orders = new TreeMap<>();
        database.getCollection(OrderSummaries.ORDERS).find().forEach(d -> orders.put(d.getString("_id"), d));
        Map<String, Document> customerOrders = new TreeMap<>();
        database.getCollection(OrderSummaries.CUSTOMER_ORDERS).find().forEach(d -> customerOrders.put(d.getString("_id"), d));
        return new ReadModelSnapshot(orders, customerOrders);
    }

    long ordersWithStatus(String status) {
        return orders.values().stream().filter(d -> status.equals(d.getString("status"))).count();
    }

    long listedCustomers() {
        return customerOrders.keySet().stream().map(part -> part.substring(0, part.lastIndexOf('/'))).distinct().count();
    }

    int listedOrders() {
        return customerOrders.values().stream().mapToInt(d -> d.get("orders", Document.class).size()).sum();
    }
}
