package io.pantrade.privacy;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded map that forgets the least recently used entry first. */
final class LruCache<K, V> {

    private final Map<K, V> entries;

    LruCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be at least 1, was " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return the value, or null if absent */
    synchronized V get(K key) {
        return entries.get(key);
    }

    /** @return the value the cache holds afterwards: the one already there, else {@code value} */
    synchronized V putIfAbsent(K key, V value) {
        V existing = entries.putIfAbsent(key, value);
        return existing != null ? existing : value;
    }

    synchronized void put(K key, V value) {
        entries.put(key, value);
    }
}
