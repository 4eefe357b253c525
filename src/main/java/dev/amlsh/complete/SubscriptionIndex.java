package dev.amlsh.complete;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One subscription's part of the index: groups, locations, and resources in sorted maps keyed by
 * lower-cased ID, so that "everything in a group" or "of a type in a group" is one range of keys
 * (a prefix), and "of a type anywhere" is one map.
 */
final class SubscriptionIndex {
    final NavigableMap<String, String> groups = new ConcurrentSkipListMap<>();
    final NavigableMap<String, IndexedResource> resources = new ConcurrentSkipListMap<>();
    final Map<String, NavigableMap<String, IndexedResource>> byType = new ConcurrentHashMap<>();
    final List<String> locations;
    final Instant filledAt;
    volatile boolean dirty;

    SubscriptionIndex(List<String> locations, Instant filledAt) {
        this.locations = List.copyOf(locations);
        this.filledAt = filledAt;
    }

    static SubscriptionIndex of(IndexSource.Inventory inventory, Instant filledAt) {
        SubscriptionIndex s = new SubscriptionIndex(inventory.locations(), filledAt);
        inventory.groups().forEach(g -> s.groups.put(g.toLowerCase(Locale.ROOT), g));
        inventory.resources().forEach(s::put);
        return s;
    }

    void put(IndexedResource r) {
        String k = r.key();
        resources.put(k, r);
        byType.computeIfAbsent(r.type().toLowerCase(Locale.ROOT), t -> new ConcurrentSkipListMap<>()).put(k, r);
        groups.putIfAbsent(r.group().toLowerCase(Locale.ROOT), r.group());
    }

    void remove(String key) {
        IndexedResource gone = resources.remove(key);
        if (gone != null) {
            NavigableMap<String, IndexedResource> ofType = byType.get(gone.type().toLowerCase(Locale.ROOT));
            if (ofType != null) {
                ofType.remove(key);
            }
        }
    }

    void removeGroup(String subscriptionId, String group) {
        groups.remove(group.toLowerCase(Locale.ROOT));
        for (String k : List.copyOf(range(resources, IndexedResource.groupPrefix(subscriptionId, group, null)).keySet())) {
            remove(k);
        }
    }

    Collection<IndexedResource> inGroup(String subscriptionId, String group, String type) {
        return range(resources, IndexedResource.groupPrefix(subscriptionId, group, type)).values();
    }

    Collection<IndexedResource> ofType(String type) {
        NavigableMap<String, IndexedResource> m = byType.get(type.toLowerCase(Locale.ROOT));
        return m == null ? List.of() : m.values();
    }

    IndexSource.Inventory inventory() {
        return new IndexSource.Inventory(List.copyOf(groups.values()), locations, List.copyOf(resources.values()));
    }

    private static <V> NavigableMap<String, V> range(NavigableMap<String, V> map, String prefix) {
        return map.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    }
}
