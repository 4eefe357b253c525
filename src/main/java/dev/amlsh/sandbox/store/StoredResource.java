package dev.amlsh.sandbox.store;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.Json;

/**
 * One tracked resource: its JSON document keyed by the lower-cased ARM ID, with the ID's casing
 * as last written and the columns the store derives from the ID for listing.
 *
 * <pre>{@code
 * StoredResource r = store.get(id).orElseThrow(() -> ArmErrors.resourceNotFound(type, name, group));
 * JsonObject doc = r.json(); // a fresh copy, safe to change
 * }</pre>
 *
 * @param key            lower-cased ID (primary key, sort order of every listing)
 * @param id             the ID as last written
 * @param subscriptionId subscription (lower case), or null
 * @param resourceGroup  group (lower case), or null (also for the group's own record)
 * @param type           {@code Namespace/type[/child]} (lower case)
 * @param name           the last name segment as last written
 * @param document       the JSON document
 */
public record StoredResource(String key, String id, String subscriptionId, String resourceGroup, String type,
                             String name, String document) {

    /** The document parsed into a new object. */
    public JsonObject json() {
        return Json.parseObject(document);
    }
}
