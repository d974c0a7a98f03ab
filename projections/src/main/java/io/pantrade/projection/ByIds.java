package io.pantrade.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Reads the documents a page lists with one {@code $in} on their {@code _id}s (which the embedded server answers from its index). */
public final class ByIds {

    private ByIds() {
    }

    /** @return what {@code view} makes of each document, in the order of {@code ids}; ids with no document are left out */
    public static <T> List<T> load(MongoCollection<Document> collection, List<String> ids, Function<Document, T> view) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, T> byId = new HashMap<>();
        for (Document document : collection.find(Filters.in("_id", ids))) {
            byId.put(document.getString("_id"), view.apply(document));
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}
