package dev.amlsh.azure.ml;

import com.azure.core.http.HttpMethod;
import com.azure.core.management.exception.ManagementException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.azure.ArmRest;
import dev.amlsh.azure.ResourceId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Dependencies} over ARM on the session's SDK pipeline: reads with each type's
 * api-version, creates with the request bodies the CLI sends, waits with the SDK's poller.
 *
 * <pre>{@code
 * Dependencies deps = new ArmDependencies(clients.rest(), subscriptionId, tenantId);
 * }</pre>
 */
public final class ArmDependencies implements Dependencies {
    private static final Map<String, String> API_VERSIONS = Map.of(
            DependencyRules.STORAGE.toLowerCase(Locale.ROOT), "2023-05-01",
            DependencyRules.KEY_VAULT.toLowerCase(Locale.ROOT), "2023-07-01",
            DependencyRules.INSIGHTS.toLowerCase(Locale.ROOT), "2020-02-02",
            DependencyRules.REGISTRY.toLowerCase(Locale.ROOT), "2023-07-01");
    private final ArmRest rest;
    private final String subscriptionId;
    private final String tenantId;

    public ArmDependencies(ArmRest rest, String subscriptionId, String tenantId) {
        this.rest = rest;
        this.subscriptionId = subscriptionId;
        this.tenantId = tenantId;
    }

    @Override
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

    @Override
    public ResourceId createStorageAccount(String group, String name, String location) {
        JsonObject body = located(location);
        body.add("sku", object("name", "Standard_LRS"));
        body.addProperty("kind", "StorageV2");
        JsonObject p = new JsonObject();
        p.addProperty("isHnsEnabled", false);
        p.addProperty("minimumTlsVersion", "TLS1_2");
        body.add("properties", p);
        return put(group, DependencyRules.STORAGE, name, body);
    }

    @Override
    public ResourceId createKeyVault(String group, String name, String location) {
        JsonObject body = located(location);
        JsonObject sku = object("name", "standard");
        sku.addProperty("family", "A");
        JsonObject p = new JsonObject();
        p.addProperty("tenantId", tenantId);
        p.add("sku", sku);
        p.add("accessPolicies", new com.google.gson.JsonArray());
        body.add("properties", p);
        return put(group, DependencyRules.KEY_VAULT, name, body);
    }

    @Override
    public ResourceId createApplicationInsights(String group, String name, String location) {
        JsonObject body = located(location);
        body.addProperty("kind", "web");
        body.add("properties", object("Application_Type", "web"));
        return put(group, DependencyRules.INSIGHTS, name, body);
    }

    @Override
    public ResourceId createContainerRegistry(String group, String name, String location) {
        JsonObject body = located(location);
        body.add("sku", object("name", "Basic"));
        JsonObject p = new JsonObject();
        p.addProperty("adminUserEnabled", true);
        body.add("properties", p);
        return put(group, DependencyRules.REGISTRY, name, body);
    }

    @Override
    public void delete(ResourceId id) {
        rest.beginLro(HttpMethod.DELETE, id.id(), apiVersion(id.fullType()), null).getFinalResult();
    }

    @Override
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

    private ResourceId put(String group, String type, String name, JsonObject body) {
        ResourceId id = ResourceId.of(subscriptionId, group, type, name);
        rest.beginLro(HttpMethod.PUT, id.id(), apiVersion(type), body).getFinalResult();
        return id;
    }

    private static String apiVersion(String fullType) {
        String v = API_VERSIONS.get(fullType.toLowerCase(Locale.ROOT));
        return v == null ? "2023-07-01" : v;
    }

    private static JsonObject located(String location) {
        return object("location", location);
    }

    private static JsonObject object(String key, String value) {
        JsonObject o = new JsonObject();
        o.addProperty(key, value);
        return o;
    }
}
