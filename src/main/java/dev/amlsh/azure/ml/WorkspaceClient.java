package dev.amlsh.azure.ml;

import com.azure.core.http.HttpMethod;
import com.azure.core.util.BinaryData;
import com.azure.core.util.polling.SyncPoller;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.amlsh.azure.ArmRest;
import dev.amlsh.core.ResourceId;

/**
 * The typed client of {@code Microsoft.MachineLearningServices/workspaces} (api-version
 * 2024-04-01) on the SDK's pipeline: the ML management SDK is not served here, so amlsh has its
 * own, with long-running operations through the SDK's {@link SyncPoller}.
 *
 * <pre>{@code
 * WorkspaceClient ml = new WorkspaceClient(clients.rest());
 * Workspace ws = ml.get(ResourceId.of(sub, "rg1", WorkspaceClient.TYPE, "ws1"));
 * }</pre>
 */
public final class WorkspaceClient {
    public static final String TYPE = "Microsoft.MachineLearningServices/workspaces";
    public static final String API_VERSION = "2024-04-01";
    private final ArmRest rest;

    public WorkspaceClient(ArmRest rest) {
        this.rest = rest;
    }

    public Workspace get(ResourceId id) {
        return Workspace.from(rest.get(id.id(), API_VERSION).getAsJsonObject());
    }

    /** Each workspace of a group, or of the subscription when {@code group} is null, page by page. */
    public void forEach(String subscriptionId, String group, java.util.function.Consumer<JsonElement> workspace) {
        String scope = "/subscriptions/" + subscriptionId + (group == null ? "" : "/resourceGroups/" + group);
        rest.forEach(scope + "/providers/" + TYPE, API_VERSION, workspace);
    }

    public SyncPoller<BinaryData, BinaryData> beginCreateOrUpdate(ResourceId id, JsonObject body) {
        return rest.beginLro(HttpMethod.PUT, id.id(), API_VERSION, body);
    }

    public SyncPoller<BinaryData, BinaryData> beginUpdate(ResourceId id, JsonObject patch) {
        return rest.beginLro(HttpMethod.PATCH, id.id(), API_VERSION, patch);
    }

    /** Deletes (soft-deletes unless {@code purge}); the poller ends when the service is done. */
    public SyncPoller<BinaryData, BinaryData> beginDelete(ResourceId id, boolean purge) {
        return rest.beginLro(HttpMethod.DELETE, id.id() + "?forceToPurge=" + purge, API_VERSION, null);
    }

    public JsonElement listKeys(ResourceId id) {
        return rest.send(HttpMethod.POST, id.id() + "/listKeys", API_VERSION, null);
    }

    public SyncPoller<BinaryData, BinaryData> beginResyncKeys(ResourceId id) {
        return rest.beginLro(HttpMethod.POST, id.id() + "/resyncKeys", API_VERSION, null);
    }

    public SyncPoller<BinaryData, BinaryData> beginDiagnose(ResourceId id) {
        JsonObject everything = new JsonObject();
        for (String check : new String[] {"udr", "nsg", "resourceLock", "dnsResolution", "storageAccount",
                "keyVault", "containerRegistry", "applicationInsights", "others"}) {
            everything.add(check, new JsonObject());
        }
        JsonObject body = new JsonObject();
        body.add("value", everything);
        return rest.beginLro(HttpMethod.POST, id.id() + "/diagnose", API_VERSION, body);
    }

    /** {@code POST .../provisionManagedNetwork}: builds the managed network now instead of at first use. */
    public SyncPoller<BinaryData, BinaryData> beginProvisionNetwork(ResourceId id, boolean includeSpark) {
        JsonObject body = new JsonObject();
        body.addProperty("includeSpark", includeSpark);
        return rest.beginLro(HttpMethod.POST, id.id() + "/provisionManagedNetwork", API_VERSION, body);
    }

    /** The outbound rules of the workspace's managed network (the {@code outboundRules} child resource). */
    public com.google.gson.JsonArray listOutboundRules(ResourceId id) {
        return rest.list(id.id() + "/outboundRules", API_VERSION);
    }

    public JsonElement getOutboundRule(ResourceId id, String rule) {
        return rest.get(id.id() + "/outboundRules/" + rule, API_VERSION);
    }

    public SyncPoller<BinaryData, BinaryData> beginSetOutboundRule(ResourceId id, String rule, JsonObject properties) {
        JsonObject body = new JsonObject();
        body.add("properties", properties);
        return rest.beginLro(HttpMethod.PUT, id.id() + "/outboundRules/" + rule, API_VERSION, body);
    }

    public SyncPoller<BinaryData, BinaryData> beginRemoveOutboundRule(ResourceId id, String rule) {
        return rest.beginLro(HttpMethod.DELETE, id.id() + "/outboundRules/" + rule, API_VERSION, null);
    }
}
