package dev.amlsh.sandbox.store;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The sandbox's state: tracked resources as JSON documents keyed by ARM ID (case-insensitive,
 * casing as last written) and a key-value table for everything else. One implementation backs it
 * with SQLite, shared safely by several processes using the same sandbox home.
 *
 * <pre>{@code
 * store.inTransaction(() -> {
 *     if (store.get(id).isPresent()) throw ArmErrors.conflict("exists");
 *     return store.put(id, document);
 * });
 * }</pre>
 */
public interface SandboxStore extends AutoCloseable {

    /** The resource with this ID (any casing). */
    Optional<StoredResource> get(String id);

    /** Creates or replaces the resource; the ID's casing becomes the stored casing. */
    StoredResource put(String id, JsonObject document);

    /** Deletes one resource; true if it existed. */
    boolean delete(String id);

    /** Deletes the resource with this ID and everything whose ID is below it; returns how many. */
    int deleteUnder(String id);

    /** Resources whose ID is below this one (not the one itself), in key order. */
    List<StoredResource> listUnder(String id);

    /** Resources matching the filter with a key after {@code afterKey} (null = from the start), in key order. */
    List<StoredResource> list(ResourceFilter filter, String afterKey, int limit);

    /** A value of the key-value table. */
    Optional<String> getValue(String space, String key);

    /** Creates or replaces a value. */
    void putValue(String space, String key, String value);

    /** Deletes a value; true if it existed. */
    boolean deleteValue(String space, String key);

    /** Values of a space whose key starts with {@code keyPrefix} ("" = all), in key order. */
    List<KeyValue> listValues(String space, String keyPrefix);

    /**
     * Runs {@code work} as one transaction that holds the write lock from its start, so a
     * read-then-write never races another process. Nested calls join the outer transaction.
     */
    <T> T inTransaction(Supplier<T> work);

    /** Deletes everything (resources and values). */
    void wipe();

    @Override
    void close();
}
