package dev.amlsh.parity;

import com.google.gson.JsonElement;
import dev.amlsh.recorded.Recording;
import dev.amlsh.recorded.Recording.Interaction;
import dev.amlsh.sandbox.SandboxSeed;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a recording takes for granted: the Azure CLI's test preparers create the resource group,
 * storage account or key vault before recording starts. Before a recording is replayed, every
 * group and top-level resource it uses without creating it first is created in the sandbox.
 */
final class Setup {
    private static final Map<String, String> BODIES = Map.of(
            "microsoft.storage/storageaccounts", "{\"location\":\"%s\",\"sku\":{\"name\":\"Standard_LRS\"},\"kind\":\"StorageV2\"}",
            "microsoft.keyvault/vaults", "{\"location\":\"%s\",\"properties\":{\"tenantId\":\"" + SandboxSeed.TENANT_ID
                    + "\",\"sku\":{\"family\":\"A\",\"name\":\"standard\"},\"accessPolicies\":[]}}",
            "microsoft.containerregistry/registries", "{\"location\":\"%s\",\"sku\":{\"name\":\"Basic\"}}",
            "microsoft.network/virtualnetworks", "{\"location\":\"%s\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":[\"10.0.0.0/16\"]}}}",
            "microsoft.insights/components", "{\"location\":\"%s\",\"kind\":\"web\",\"properties\":{\"Application_Type\":\"web\"}}");
    private static final Map<String, String> VERSIONS = Map.of(
            "microsoft.storage/storageaccounts", "2023-01-01", "microsoft.keyvault/vaults", "2023-02-01",
            "microsoft.containerregistry/registries", "2023-07-01", "microsoft.network/virtualnetworks", "2023-11-01",
            "microsoft.insights/components", "2020-02-02");

    private Setup() {
    }

    static void prepare(Recording rec, ParityReplay.Names names, ParityReplay replay) {
        String location = "westus";
        for (Interaction i : rec.interactions()) {
            if (!"poll".equals(i.name())) {
                names.learn(ParityReplay.relative(i.uri()));
            }
            JsonElement b = i.requestBody();
            if (location.equals("westus") && b != null && b.isJsonObject() && b.getAsJsonObject().has("location")) {
                location = b.getAsJsonObject().get("location").getAsString();
            }
        }
        Map<String, Interaction> first = new LinkedHashMap<>();
        for (Interaction i : rec.interactions()) {
            if ("poll".equals(i.name())) {
                continue;
            }
            String path = strip(ParityReplay.relative(i.uri()));
            String[] s = path.split("/");
            if (s.length >= 4 && s[2].equalsIgnoreCase("resourcegroups")) {
                first.putIfAbsent(String.join("/", java.util.Arrays.copyOf(s, 4)).toLowerCase(Locale.ROOT), i);
                if (s.length >= 8 && s[4].equalsIgnoreCase("providers")) {
                    first.putIfAbsent(String.join("/", java.util.Arrays.copyOf(s, 8)).toLowerCase(Locale.ROOT), i);
                }
            }
        }
        // then the resources request bodies point at (a workspace's dependencies), unless a request creates them
        java.util.regex.Pattern ref = java.util.regex.Pattern.compile(
                "(?i)/subscriptions/[0-9a-f-]{36}/resourceGroups/[^/\"]+/providers/[^/\"]+/[^/\"]+/[^/\"?]+");
        for (Interaction i : rec.interactions()) {
            if (i.requestBody() != null && i.method().equals("PUT")) {
                java.util.regex.Matcher m = ref.matcher(i.requestBody().toString());
                while (m.find()) {
                    String path = m.group().substring(1);
                    names.learn(path);
                    String[] s = path.split("/");
                    Interaction fake = new Interaction("setup", "GET", "https://management.azure.com/" + path, null, 200,
                            Map.of(), null);
                    first.putIfAbsent(String.join("/", java.util.Arrays.copyOf(s, 4)).toLowerCase(Locale.ROOT), fake);
                    first.putIfAbsent(path.toLowerCase(Locale.ROOT), fake);
                }
            }
        }
        // then the workspaces a recorded list shows and no request names: they existed before the recording (as shown)
        for (Interaction i : rec.interactions()) {
            if (i.method().equals("GET") && ParityResult.typeOf(i.uri()).equals("Microsoft.MachineLearningServices/workspaces")
                    && i.responseBody() != null && i.responseBody().isJsonObject()
                    && i.responseBody().getAsJsonObject().get("value") instanceof com.google.gson.JsonArray items) {
                for (JsonElement item : items) {
                    String itemId = item.isJsonObject() && item.getAsJsonObject().get("id") instanceof com.google.gson.JsonPrimitive p
                            ? p.getAsString().replaceFirst("^/", "") : null;
                    String[] s = itemId == null ? new String[0] : itemId.split("/");
                    if (s.length == 8 && !first.containsKey(itemId.toLowerCase(Locale.ROOT))) {
                        names.learn(itemId);
                        Interaction fake = new Interaction("setup", "GET", "https://management.azure.com/" + itemId, null, 200,
                                Map.of(), null);
                        first.putIfAbsent(String.join("/", java.util.Arrays.copyOf(s, 4)).toLowerCase(Locale.ROOT), fake);
                        first.putIfAbsent(itemId.toLowerCase(Locale.ROOT), fake);
                    }
                }
            }
        }
        for (Map.Entry<String, Interaction> e : first.entrySet()) {
            String id = e.getKey();
            Interaction i = e.getValue();
            String own = strip(ParityReplay.relative(i.uri())).toLowerCase(Locale.ROOT);
            boolean createsIt = own.equals(id) && (i.method().equals("PUT") || i.status() == 404);
            // a group the recording only meets as ResourceGroupNotFound did not exist there either
            boolean absentGroup = id.split("/").length == 4 && "ResourceGroupNotFound".equals(errorCode(i.responseBody()));
            if (createsIt || absentGroup) {
                continue;
            }
            String[] s = id.split("/");
            if (s.length == 4) {
                replay.send("PUT", names.apply(id) + "?api-version=2021-04-01", "{\"location\":\"" + location
                        + "\",\"tags\":{\"product\":\"azurecli\",\"cause\":\"automation\",\"test\":\"parity\",\"date\":\"2023-01-01T00:00:00Z\",\"module\":\"parity\"}}");
            } else {
                String type = s[5] + "/" + s[6];
                String body = BODIES.get(type);
                if (type.equals("microsoft.machinelearningservices/workspaces")) {
                    workspace(names.apply(id), location, replay, recordedState(rec, id));
                } else if (type.equals("microsoft.storage/storageaccounts")) {
                    replay.send("PUT", names.apply(id) + "?api-version=" + VERSIONS.get(type), storage(recordedState(rec, id), location));
                } else if (body != null) {
                    replay.send("PUT", names.apply(id) + "?api-version=" + VERSIONS.get(type), String.format(body, location));
                }
            }
        }
    }

    /**
     * A workspace the recording reads or deletes without creating it: its three dependencies beside it, then the workspace,
     * with a container registry and a managed network when the recording's answers show it had them.
     */
    private static void workspace(String id, String location, ParityReplay replay, JsonElement recorded) {
        String group = id.substring(0, id.indexOf("/providers/"));
        String suffix = Integer.toHexString(id.hashCode() & 0xfffffff);
        String storage = group + "/providers/Microsoft.Storage/storageAccounts/pws" + suffix;
        String vault = group + "/providers/Microsoft.KeyVault/vaults/pwk" + suffix;
        String insights = group + "/providers/Microsoft.Insights/components/pwi" + suffix;
        replay.send("PUT", storage + "?api-version=" + VERSIONS.get("microsoft.storage/storageaccounts"),
                String.format(BODIES.get("microsoft.storage/storageaccounts"), location));
        replay.send("PUT", vault + "?api-version=" + VERSIONS.get("microsoft.keyvault/vaults"),
                String.format(BODIES.get("microsoft.keyvault/vaults"), location));
        replay.send("PUT", insights + "?api-version=" + VERSIONS.get("microsoft.insights/components"),
                String.format(BODIES.get("microsoft.insights/components"), location));
        com.google.gson.JsonObject had = recorded != null && recorded.isJsonObject() && recorded.getAsJsonObject().has("properties")
                && recorded.getAsJsonObject().get("properties").isJsonObject() ? recorded.getAsJsonObject().getAsJsonObject("properties")
                : new com.google.gson.JsonObject();
        String more = "";
        if (had.has("containerRegistry") && !had.get("containerRegistry").isJsonNull()) {
            String registry = group + "/providers/Microsoft.ContainerRegistry/registries/pwr" + suffix;
            replay.send("PUT", registry + "?api-version=" + VERSIONS.get("microsoft.containerregistry/registries"),
                    "{\"location\":\"" + location + "\",\"sku\":{\"name\":\"Basic\"},\"properties\":{\"adminUserEnabled\":true}}");
            more += ",\"containerRegistry\":\"/" + registry + "\"";
        }
        if (had.has("managedNetwork") && had.get("managedNetwork").isJsonObject()) {
            more += ",\"managedNetwork\":{\"isolationMode\":\""
                    + had.getAsJsonObject("managedNetwork").get("isolationMode").getAsString() + "\"}";
        }
        String kind = recorded != null && recorded.isJsonObject() && recorded.getAsJsonObject().get("kind") instanceof com.google.gson.JsonPrimitive k
                ? ",\"kind\":\"" + k.getAsString() + "\"" : "";
        replay.send("PUT", id + "?api-version=2024-04-01", "{\"location\":\"" + location + "\"" + kind + ",\"identity\":{\"type\":\"SystemAssigned\"},"
                + "\"properties\":{\"storageAccount\":\"/" + storage + "\",\"keyVault\":\"/" + vault
                + "\",\"applicationInsights\":\"/" + insights + "\"" + more + "}}");
    }

    /** The first recorded answer that is the resource {@code id} itself (a GET, or the end of an operation), if any. */
    private static JsonElement recordedState(Recording rec, String id) {
        for (Interaction i : rec.interactions()) {
            JsonElement b = i.responseBody();
            if (i.status() != 200 || b == null || !b.isJsonObject()) {
                continue;
            }
            java.util.List<JsonElement> candidates = new java.util.ArrayList<>(java.util.List.of(b));
            if (b.getAsJsonObject().get("value") instanceof com.google.gson.JsonArray items) {
                items.forEach(candidates::add); // an item of a list answer
            }
            for (JsonElement c : candidates) {
                if (c.isJsonObject() && c.getAsJsonObject().get("id") instanceof com.google.gson.JsonPrimitive p
                        && p.getAsString().replaceFirst("^/", "").equalsIgnoreCase(id)) {
                    return c;
                }
            }
        }
        return null;
    }

    /**
     * A storage account the recording uses without creating it, of the kind and sku the recording
     * answers show (the Azure CLI's preparer makes general-purpose v1 accounts), StorageV2 otherwise.
     */
    private static String storage(JsonElement recorded, String location) {
        if (recorded != null && recorded.getAsJsonObject().has("kind") && recorded.getAsJsonObject().get("sku") instanceof com.google.gson.JsonObject sku) {
            com.google.gson.JsonObject body = new com.google.gson.JsonObject();
            body.addProperty("location", location);
            body.add("sku", sku.deepCopy());
            body.getAsJsonObject("sku").remove("tier");
            body.add("kind", recorded.getAsJsonObject().get("kind").deepCopy());
            return body.toString();
        }
        return String.format(BODIES.get("microsoft.storage/storageaccounts"), location);
    }

    private static String errorCode(JsonElement body) {
        if (body != null && body.isJsonObject() && body.getAsJsonObject().has("error") && body.getAsJsonObject().get("error").isJsonObject()) {
            JsonElement c = body.getAsJsonObject().getAsJsonObject("error").get("code");
            return c == null || c.isJsonNull() ? null : c.getAsString();
        }
        return null;
    }

    private static String strip(String u) {
        int q = u.indexOf('?');
        return q < 0 ? u : u.substring(0, q);
    }
}
