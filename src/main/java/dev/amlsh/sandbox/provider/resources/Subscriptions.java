package dev.amlsh.sandbox.provider.resources;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.store.KeyValue;
import dev.amlsh.sandbox.store.SandboxStore;
import java.util.Locale;

/**
 * The tenant and its subscriptions, as {@code GET /tenants} and {@code GET /subscriptions} show them.
 *
 * <pre>{@code
 * subscriptions.add(tenantId, "0b1f6471-...", "Sandbox");
 * JsonObject sub = subscriptions.require("0B1F6471-..."); // or 404 SubscriptionNotFound
 * }</pre>
 */
public final class Subscriptions {
    static final String SUBSCRIPTIONS = "resources.subscription";
    static final String TENANTS = "resources.tenant";

    private final SandboxStore store;

    public Subscriptions(SandboxStore store) {
        this.store = store;
    }

    /** Adds the tenant. */
    public void addTenant(String tenantId, String displayName, String domain) {
        JsonObject t = new JsonObject();
        t.addProperty("id", "/tenants/" + tenantId);
        t.addProperty("tenantId", tenantId);
        t.addProperty("countryCode", "US");
        t.addProperty("displayName", displayName);
        JsonArray domains = new JsonArray();
        domains.add(domain);
        t.add("domains", domains);
        t.addProperty("tenantCategory", "Home");
        t.addProperty("defaultDomain", domain);
        t.addProperty("tenantType", "AAD");
        store.putValue(TENANTS, tenantId, Json.GSON.toJson(t));
    }

    /** Adds an Enabled pay-as-you-go subscription. */
    public void add(String tenantId, String subscriptionId, String displayName) {
        JsonObject s = new JsonObject();
        s.addProperty("id", "/subscriptions/" + subscriptionId);
        s.addProperty("authorizationSource", "RoleBased");
        s.add("managedByTenants", new JsonArray());
        s.addProperty("subscriptionId", subscriptionId);
        s.addProperty("tenantId", tenantId);
        s.addProperty("displayName", displayName);
        s.addProperty("state", "Enabled");
        JsonObject policies = new JsonObject();
        policies.addProperty("locationPlacementId", "Public_2014-09-01");
        policies.addProperty("quotaId", "PayAsYouGo_2014-09-01");
        policies.addProperty("spendingLimit", "Off");
        s.add("subscriptionPolicies", policies);
        store.putValue(SUBSCRIPTIONS, subscriptionId.toLowerCase(Locale.ROOT), Json.GSON.toJson(s));
    }

    /** The subscription document, or 404 {@code SubscriptionNotFound}. */
    public JsonObject require(String subscriptionId) {
        return store.getValue(SUBSCRIPTIONS, subscriptionId.toLowerCase(Locale.ROOT)).map(Json::parseObject)
                .orElseThrow(() -> ArmErrors.subscriptionNotFound(subscriptionId));
    }

    /** The canonical (seeded) casing of a subscription ID, or 404. */
    public String canonicalId(String subscriptionId) {
        return Json.string(require(subscriptionId), "subscriptionId");
    }

    JsonObject list() {
        JsonArray values = new JsonArray();
        for (KeyValue kv : store.listValues(SUBSCRIPTIONS, "")) {
            values.add(Json.parseObject(kv.value()));
        }
        JsonObject out = new JsonObject();
        out.add("value", values);
        JsonObject count = new JsonObject();
        count.addProperty("type", "Total");
        count.addProperty("value", values.size());
        out.add("count", count);
        return out;
    }

    JsonObject tenants() {
        JsonArray values = new JsonArray();
        for (KeyValue kv : store.listValues(TENANTS, "")) {
            values.add(Json.parseObject(kv.value()));
        }
        JsonObject out = new JsonObject();
        out.add("value", values);
        return out;
    }

    JsonObject locations(String subscriptionId) {
        JsonArray values = new JsonArray();
        Locations.all().forEach(r -> values.add(Locations.toJson(r, subscriptionId)));
        JsonObject out = new JsonObject();
        out.add("value", values);
        return out;
    }
}
