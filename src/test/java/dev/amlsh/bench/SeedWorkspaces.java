package dev.amlsh.bench;

import com.google.gson.JsonObject;
import dev.amlsh.sandbox.SandboxSeed;
import dev.amlsh.sandbox.store.SqliteStore;
import java.nio.file.Path;

/**
 * Plants workspaces straight into a sandbox home's store (no HTTP, no LRO), for timing
 * {@code ml workspace list} over many of them. The group must exist already. Run by
 * {@code scripts/bench}; not a test.
 *
 * <pre>{@code
 * java -cp ... dev.amlsh.bench.SeedWorkspaces "$AMLSH_HOME/sandbox/sandbox.db" bench-ws 10000
 * }</pre>
 */
public final class SeedWorkspaces {
    private SeedWorkspaces() {
    }

    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        String group = args[1];
        int count = Integer.parseInt(args[2]);
        String groupId = "/subscriptions/" + SandboxSeed.SUBSCRIPTION_ID + "/resourceGroups/" + group;
        try (SqliteStore store = SqliteStore.open(db)) {
            store.inTransaction(() -> {
                for (int i = 0; i < count; i++) {
                    String name = String.format("ws%05d", i);
                    String id = groupId + "/providers/Microsoft.MachineLearningServices/workspaces/" + name;
                    store.put(id, workspace(id, name, groupId));
                }
                return null;
            });
        }
        System.out.println("seeded=" + count);
    }

    /** The document a workspace create leaves in the store, in ARM's GET shape (see arm-examples). */
    private static JsonObject workspace(String id, String name, String groupId) {
        JsonObject ws = new JsonObject();
        ws.addProperty("id", id);
        ws.addProperty("name", name);
        ws.addProperty("type", "Microsoft.MachineLearningServices/workspaces");
        ws.addProperty("location", "eastus");
        JsonObject identity = new JsonObject();
        identity.addProperty("type", "SystemAssigned");
        ws.add("identity", identity);
        JsonObject sku = new JsonObject();
        sku.addProperty("name", "Basic");
        sku.addProperty("tier", "Basic");
        ws.add("sku", sku);
        JsonObject p = new JsonObject();
        p.addProperty("friendlyName", name);
        p.addProperty("provisioningState", "Succeeded");
        p.addProperty("storageAccount", groupId + "/providers/Microsoft.Storage/storageAccounts/st" + name);
        p.addProperty("keyVault", groupId + "/providers/Microsoft.KeyVault/vaults/kv" + name);
        p.addProperty("applicationInsights", groupId + "/providers/Microsoft.Insights/components/ai" + name);
        p.addProperty("publicNetworkAccess", "Enabled");
        p.addProperty("v1LegacyMode", false);
        p.addProperty("hbiWorkspace", false);
        ws.add("properties", p);
        return ws;
    }
}
