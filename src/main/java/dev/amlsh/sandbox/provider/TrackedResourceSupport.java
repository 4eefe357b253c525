package dev.amlsh.sandbox.provider;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmPaging;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.provider.resources.Locations;
import dev.amlsh.sandbox.store.ResourceFilter;
import dev.amlsh.sandbox.store.SandboxStore;
import dev.amlsh.sandbox.store.StoredResource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What the handlers of tracked resources (resources with a location in a group) share: the
 * collection listing by group or subscription with ARM paging, the tag map and location checks of
 * a PUT body, and ARM's timestamp format.
 *
 * <pre>{@code
 * String location = TrackedResourceSupport.location(body, "Microsoft.ContainerRegistry/registries");
 * JsonObject tags = TrackedResourceSupport.tags(body.get("tags"));
 * return TrackedResourceSupport.list(req, store, "Microsoft.ContainerRegistry/registries", doc -> doc);
 * }</pre>
 */
public final class TrackedResourceSupport {
    /** ARM's timestamps: seven fraction digits and an explicit offset, e.g. {@code 2021-06-15T21:38:26.1537861+00:00}. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSxxx")
            .withZone(ZoneOffset.UTC);

    private TrackedResourceSupport() {
    }

    /**
     * {@code GET .../{type}} in a group ({@code req.resourceGroup()} set) or a whole subscription,
     * one page of at most {@code $top} (100) with a {@code nextLink}; {@code view} shapes each stored document.
     */
    public static ArmResponse list(ArmRequest req, SandboxStore store, String type, UnaryOperator<JsonObject> view) {
        int size = ArmPaging.pageSize(req);
        ResourceFilter filter = req.resourceGroup() == null
                ? ResourceFilter.subscription(req.subscriptionId()).ofType(type)
                : ResourceFilter.group(req.subscriptionId(), req.resourceGroup()).ofType(type);
        List<StoredResource> page = store.list(filter, req.queryParam("$skiptoken"), size + 1);
        JsonArray values = new JsonArray();
        for (StoredResource r : page.subList(0, Math.min(size, page.size()))) {
            values.add(view.apply(r.json()));
        }
        String next = page.size() > size ? page.get(size - 1).key() : null;
        return ArmResponse.ok(ArmPaging.page(values, req, next));
    }

    /** The body's {@code location} as the region's short name; missing is {@code LocationRequired}. */
    public static String location(JsonObject body, String type) {
        String requested = dev.amlsh.sandbox.arm.Json.string(body, "location");
        if (requested == null || requested.isBlank()) {
            throw ArmErrors.locationRequired();
        }
        return Locations.resolve(requested).map(Locations.Region::name).orElseThrow(() ->
                ArmErrors.locationNotAvailableForResourceType(requested, type,
                        Locations.all().stream().map(Locations.Region::displayName).collect(Collectors.joining(","))));
    }

    /** A copy of a {@code tags} member: an object of string values, or null when absent. */
    public static JsonObject tags(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonObject()) {
            throw ArmErrors.invalidRequestContent("'tags' must be an object of string values");
        }
        for (var entry : e.getAsJsonObject().entrySet()) {
            if (!entry.getValue().isJsonPrimitive()) {
                throw ArmErrors.invalidRequestContent("the value of tag '" + entry.getKey() + "' must be a string");
            }
        }
        return e.getAsJsonObject().deepCopy();
    }

    /** Now, in ARM's timestamp format. */
    public static String now() {
        return TIMESTAMP.format(Instant.now());
    }

    /** The {@code systemData} ARM adds for a write by this request's caller. */
    public static JsonObject systemData(ArmRequest req, JsonObject previous) {
        String now = now();
        JsonObject s = previous == null ? new JsonObject() : previous.deepCopy();
        String who = req.principal() == null ? null : req.principal().displayName();
        String kind = req.principal() == null ? null : req.principal().type();
        if (previous == null) {
            s.addProperty("createdBy", who);
            s.addProperty("createdByType", kind);
            s.addProperty("createdAt", now);
        }
        s.addProperty("lastModifiedBy", who);
        s.addProperty("lastModifiedByType", kind);
        s.addProperty("lastModifiedAt", now);
        return s;
    }
}
