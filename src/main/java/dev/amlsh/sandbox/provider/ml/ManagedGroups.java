package dev.amlsh.sandbox.provider.ml;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.Json;
import dev.amlsh.sandbox.provider.resources.ResourceGroups;
import dev.amlsh.sandbox.store.SandboxStore;
import java.util.UUID;

/**
 * The service-managed resource group of a customer-managed-key workspace, named
 * {@code <group>_<32 hex digits>}, where the real service keeps the workspace's Cosmos DB. It is a
 * plain resource group document (as {@link ResourceGroups} stores them) managed by the workspace.
 */
final class ManagedGroups {
    /** Resource group names are at most 90 characters. */
    private static final int MAX_NAME = 90;

    private final SandboxStore store;

    ManagedGroups(SandboxStore store) {
        this.store = store;
    }

    /** Creates the group and returns its name. */
    String create(String subscriptionId, String group, String location, String workspaceId) {
        String suffix = "_" + UUID.randomUUID().toString().replace("-", "");
        String prefix = group.length() + suffix.length() > MAX_NAME ? group.substring(0, MAX_NAME - suffix.length()) : group;
        String name = prefix + suffix;
        JsonObject doc = new JsonObject();
        doc.addProperty("id", ResourceGroups.id(subscriptionId, name));
        doc.addProperty("name", name);
        doc.addProperty("type", ResourceGroups.TYPE);
        doc.addProperty("location", location);
        doc.addProperty("managedBy", workspaceId);
        JsonObject props = new JsonObject();
        props.addProperty("provisioningState", "Succeeded");
        doc.add("properties", props);
        store.put(ResourceGroups.id(subscriptionId, name), doc);
        return name;
    }

    /** Removes the workspace's managed group and everything in it, if it has one. */
    void remove(String subscriptionId, JsonObject workspace) {
        String name = Json.string(WorkspaceDocs.properties(workspace), "serviceProvisionedResourceGroup");
        if (name != null) {
            store.deleteUnder(ResourceGroups.id(subscriptionId, name));
        }
    }
}
