package dev.amlsh.azure;

import com.azure.core.http.HttpMethod;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

/**
 * Resource providers of a subscription: list, show, register and unregister, printed as the
 * service sends them (as {@code az provider} does).
 *
 * <pre>{@code
 * azure.providers(null).register("Microsoft.MachineLearningServices");
 * }</pre>
 */
public final class ProviderService {
    static final String API_VERSION = "2025-04-01";
    private final ArmRest rest;
    private final String base;

    ProviderService(ArmRest rest, String subscriptionId) {
        this.rest = rest;
        this.base = "/subscriptions/" + subscriptionId + "/providers";
    }

    public JsonArray list() {
        JsonArray out = new JsonArray();
        rest.list(base, API_VERSION).forEach(p -> out.add(AzJson.sorted(p)));
        return out;
    }

    public JsonElement show(String namespace) {
        return AzJson.sorted(rest.get(base + "/" + namespace, API_VERSION));
    }

    public JsonElement register(String namespace) {
        return AzJson.sorted(rest.send(HttpMethod.POST, base + "/" + namespace + "/register", API_VERSION, null));
    }

    public JsonElement unregister(String namespace) {
        return AzJson.sorted(rest.send(HttpMethod.POST, base + "/" + namespace + "/unregister", API_VERSION, null));
    }
}
