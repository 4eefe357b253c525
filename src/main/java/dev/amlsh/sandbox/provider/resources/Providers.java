package dev.amlsh.sandbox.provider.resources;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmResponse;

/**
 * {@code GET /subscriptions/{id}/providers[/{ns}]} and {@code POST .../{ns}/register|unregister}.
 *
 * <pre>{@code
 * ArmResponse r = providers.register(sub, "microsoft.machinelearningservices"); // state Registering
 * }</pre>
 */
public final class Providers {
    private final Registrations registrations;

    public Providers(Registrations registrations) {
        this.registrations = registrations;
    }

    public ArmResponse list(String subscriptionId) {
        JsonArray values = new JsonArray();
        for (ProviderCatalog.Namespace n : ProviderCatalog.all()) {
            values.add(document(subscriptionId, n, registrations.state(subscriptionId, n.namespace())));
        }
        JsonObject out = new JsonObject();
        out.add("value", values);
        return ArmResponse.ok(out);
    }

    public ArmResponse get(String subscriptionId, String namespace) {
        ProviderCatalog.Namespace n = require(namespace);
        return ArmResponse.ok(document(subscriptionId, n, registrations.state(subscriptionId, n.namespace())));
    }

    public ArmResponse register(String subscriptionId, String namespace) {
        ProviderCatalog.Namespace n = require(namespace);
        return ArmResponse.ok(document(subscriptionId, n, registrations.register(subscriptionId, n.namespace())));
    }

    public ArmResponse unregister(String subscriptionId, String namespace) {
        ProviderCatalog.Namespace n = require(namespace);
        return ArmResponse.ok(document(subscriptionId, n, registrations.unregister(subscriptionId, n.namespace())));
    }

    private static ProviderCatalog.Namespace require(String namespace) {
        return ProviderCatalog.find(namespace).orElseThrow(() -> ArmErrors.invalidResourceNamespace(namespace));
    }

    private static JsonObject document(String subscriptionId, ProviderCatalog.Namespace n, String state) {
        JsonObject o = new JsonObject();
        o.addProperty("id", "/subscriptions/" + subscriptionId + "/providers/" + n.namespace());
        o.addProperty("namespace", n.namespace());
        o.addProperty("registrationState", n.registrationFree() ? Registrations.REGISTERED : state);
        o.addProperty("registrationPolicy", n.registrationFree() ? "RegistrationFree" : "RegistrationRequired");
        o.add("resourceTypes", ProviderCatalog.resourceTypesJson(n));
        return o;
    }
}
