package dev.amlsh.azure.ml;

import com.azure.core.http.HttpMethod;
import com.azure.core.management.exception.ManagementException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.azure.ArmRest;
import dev.amlsh.core.ResourceId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads, deletes and name checks of a workspace's dependencies over ARM on the session's SDK
 * pipeline, with each type's api-version; the resource as the service sends it.
 *
 * <pre>{@code
 * Optional<JsonObject> sa = new DependencyLookup(clients.rest(), subscriptionId).find(storageId);
 * }</pre>
 */
public final class DependencyLookup {
    private static final Map<String, String> API_VERSIONS = Map.of(
            DependencyRules.STORAGE.toLowerCase(Locale.ROOT), "2023-05-01",
            DependencyRules.KEY_VAULT.toLowerCase(Locale.ROOT), "2023-07-01",
            DependencyRules.INSIGHTS.toLowerCase(Locale.ROOT), "2020-02-02",
            DependencyRules.REGISTRY.toLowerCase(Locale.ROOT), "2023-07-01");
    private final ArmRest rest;
    private final String subscriptionId;

    public DependencyLookup(ArmRest rest, String subscriptionId) {
        this.rest = rest;
        this.subscriptionId = subscriptionId;
    }

    public Optional<JsonObject> find(ResourceId id) {
        try {
            return Optional.of(rest.get(id.id(), apiVersion(id.fullType())).getAsJsonObject());
        } catch (ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void delete(ResourceId id) {
        ArmRest.waitFor(rest.beginLro(HttpMethod.DELETE, id.id(), apiVersion(id.fullType()), null), "delete " + id.name());
    }

    public boolean nameAvailable(String fullType, String name) {
        String namespace = fullType.substring(0, fullType.indexOf('/'));
        if (namespace.equalsIgnoreCase("Microsoft.Insights")) {
            return true;
        }
        JsonObject body = object("name", name);
        body.addProperty("type", fullType);
        JsonElement answer = rest.send(HttpMethod.POST, "/subscriptions/" + subscriptionId + "/providers/" + namespace
                + "/checkNameAvailability", apiVersion(fullType), body);
        JsonElement available = answer.isJsonObject() ? answer.getAsJsonObject().get("nameAvailable") : null;
        return available == null || available.isJsonNull() || available.getAsBoolean();
    }

    private static String apiVersion(String fullType) {
        String v = API_VERSIONS.get(fullType.toLowerCase(Locale.ROOT));
        return v == null ? "2023-07-01" : v;
    }

    private static JsonObject object(String key, String value) {
        JsonObject o = new JsonObject();
        o.addProperty(key, value);
        return o;
    }
}
