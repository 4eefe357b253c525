package dev.amlsh.sandbox;

import com.google.gson.JsonObject;

/**
 * Puts resources straight into a running sandbox's store, as the provider that owns the type
 * would have created them: for tests of clients (listing, completion) that need resources of
 * types whose handler is not on this branch.
 *
 * <pre>{@code
 * Plant.resource(sh.sandbox(), "/subscriptions/" + SUB + "/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/sa1");
 * }</pre>
 */
public final class Plant {
    private Plant() {
    }

    /** A tracked resource in eastus; its type and name come from the ID. */
    public static void resource(Sandbox sandbox, String id) {
        String[] seg = id.substring(1).split("/");
        JsonObject doc = new JsonObject();
        doc.addProperty("id", id);
        doc.addProperty("name", seg[seg.length - 1]);
        doc.addProperty("type", seg[5] + "/" + seg[6]);
        doc.addProperty("location", "eastus");
        JsonObject props = new JsonObject();
        props.addProperty("provisioningState", "Succeeded");
        doc.add("properties", props);
        sandbox.store().put(id, doc);
    }
}
