package dev.amlsh.sandbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.sandbox.provider.ml.WorkspaceKeys;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A sandbox for the workspace tests, with the resources other providers would create planted
 * straight into the store, in the shapes of their ARM examples (their handlers live on other branches).
 *
 * <pre>{@code
 * MlFixture f = MlFixture.start(Duration.ZERO);
 * String sa = f.storage("rg1", "sa1", "Standard_LRS", "StorageV2", false);
 * f.http.put(f.ws("rg1", "ws1"), f.body("eastus", sa, f.vault("rg1", "kv1"), f.insights("rg1", "ai1"), null));
 * }</pre>
 */
final class MlFixture implements AutoCloseable {
    static final String API = "2024-04-01";
    static final String SUB = SandboxSeed.SUBSCRIPTION_ID;

    final Sandbox sandbox;
    final SandboxHttp http;

    private MlFixture(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.http = new SandboxHttp(sandbox);
    }

    private static MlFixture shared;

    /**
     * One zero-delay sandbox for every workspace test class (starting one costs seconds); each
     * class works in its own resource groups. Closed when the test JVM exits.
     */
    static synchronized MlFixture shared() throws Exception {
        if (shared == null) {
            MlFixture started = start(Duration.ZERO);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            shared = started;
        }
        return shared;
    }

    static MlFixture start(Duration lroDelay) throws Exception {
        return new MlFixture(Sandbox.start(new SandboxOptions(null, 0, lroDelay)));
    }

    @Override
    public void close() {
        sandbox.close();
    }

    void group(String name, String location) {
        SandboxHttp.Response r = http.put("/subscriptions/" + SUB + "/resourcegroups/" + name, "{\"location\":\"" + location + "\"}");
        if (r.status() >= 300) {
            throw new IllegalStateException(r.body());
        }
    }

    static String rid(String group, String type, String name) {
        return "/subscriptions/" + SUB + "/resourceGroups/" + group + "/providers/" + type + "/" + name;
    }

    /** A path under ARM with the client's api-version. */
    static String ws(String group, String name) {
        return rid(group, "Microsoft.MachineLearningServices/workspaces", name) + "?api-version=" + API;
    }

    static String wsAction(String group, String name, String action) {
        return rid(group, "Microsoft.MachineLearningServices/workspaces", name) + "/" + action + "?api-version=" + API;
    }

    /** StorageAccounts_Create's 200 body, with the account's two keys published. */
    String storage(String group, String name, String sku, String kind, boolean hns) {
        String id = rid(group, "Microsoft.Storage/storageAccounts", name);
        plant(id, "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"type\":\"Microsoft.Storage/storageAccounts\",\"kind\":\"" + kind
                + "\",\"location\":\"eastus\",\"sku\":{\"name\":\"" + sku + "\",\"tier\":\"" + sku.split("_")[0] + "\"},"
                + "\"properties\":{\"isHnsEnabled\":" + hns + ",\"provisioningState\":\"Succeeded\",\"primaryEndpoints\":"
                + "{\"blob\":\"https://" + name + ".blob.core.windows.net/\"}}}");
        storageKeys(id, "key-one-of-" + name);
        return id;
    }

    String storage(String group, String name) {
        return storage(group, name, "Standard_LRS", "StorageV2", false);
    }

    /** What the Storage provider publishes after a key is regenerated. */
    void storageKeys(String storageId, String key1) {
        sandbox.store().putValue(dev.amlsh.sandbox.provider.storage.StorageKeys.SPACE,
                dev.amlsh.sandbox.provider.storage.StorageKeys.key(storageId),
                "{\"keys\":[{\"keyName\":\"key1\",\"permissions\":\"FULL\",\"value\":\"" + key1
                        + "\"},{\"keyName\":\"key2\",\"permissions\":\"FULL\",\"value\":\"second\"}]}");
    }

    /** Vaults_Get's 200 body. */
    String vault(String group, String name) {
        String id = rid(group, "Microsoft.KeyVault/vaults", name);
        plant(id, "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"type\":\"Microsoft.KeyVault/vaults\",\"location\":\"eastus\","
                + "\"tags\":{},\"properties\":{\"sku\":{\"family\":\"A\",\"name\":\"standard\"},\"tenantId\":\"" + SandboxSeed.TENANT_ID
                + "\",\"accessPolicies\":[],\"vaultUri\":\"https://" + name + ".vault.azure.net\",\"provisioningState\":\"Succeeded\"}}");
        return id;
    }

    /** Components_Get's 200 body. */
    String insights(String group, String name) {
        String id = rid(group, "Microsoft.Insights/components", name);
        plant(id, "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"type\":\"Microsoft.Insights/components\",\"location\":\"eastus\","
                + "\"kind\":\"web\",\"properties\":{\"ApplicationId\":\"" + name + "\",\"Application_Type\":\"web\","
                + "\"InstrumentationKey\":\"ikey-" + name + "\",\"ConnectionString\":\"InstrumentationKey=ikey-" + name + "\","
                + "\"provisioningState\":\"Succeeded\"}}");
        return id;
    }

    /** Registries_Create's 200 body, with the admin credentials published. */
    String registry(String group, String name, boolean admin) {
        String id = rid(group, "Microsoft.ContainerRegistry/registries", name);
        plant(id, "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"type\":\"Microsoft.ContainerRegistry/registries\","
                + "\"location\":\"westus\",\"sku\":{\"name\":\"Standard\",\"tier\":\"Standard\"},\"properties\":{\"loginServer\":\""
                + name.toLowerCase(Locale.ROOT) + ".azurecr.io\",\"provisioningState\":\"Succeeded\",\"adminUserEnabled\":" + admin + "}}");
        sandbox.store().putValue(dev.amlsh.sandbox.provider.containerregistry.RegistryCredentials.SPACE,
                dev.amlsh.sandbox.provider.containerregistry.RegistryCredentials.key(id), "{\"username\":\"" + name
                + "\",\"passwords\":[{\"name\":\"password\",\"value\":\"pw1-" + name + "\"},{\"name\":\"password2\",\"value\":\"pw2\"}]}");
        return id;
    }

    void plant(String id, String json) {
        sandbox.store().put(id, JsonParser.parseString(json).getAsJsonObject());
    }

    /** A workspace PUT body: SystemAssigned identity, the dependencies given (null leaves one out). */
    static String body(String location, String storage, String vault, String insights, String registry) {
        StringBuilder p = new StringBuilder();
        for (String[] kv : List.of(new String[] {"storageAccount", storage}, new String[] {"keyVault", vault},
                new String[] {"applicationInsights", insights}, new String[] {"containerRegistry", registry})) {
            if (kv[1] != null) {
                p.append(p.length() == 0 ? "" : ",").append('"').append(kv[0]).append("\":\"").append(kv[1]).append('"');
            }
        }
        return "{\"location\":\"" + location + "\",\"identity\":{\"type\":\"SystemAssigned\"},\"properties\":{" + p + "}}";
    }

    /** A complete, valid set of dependencies in {@code group}, each named after {@code tag}. */
    Deps deps(String group, String tag) {
        return new Deps(storage(group, "sa" + tag), vault(group, "kv" + tag), insights(group, "ai" + tag),
                registry(group, "acr" + tag, true));
    }

    /**
     * IDs of one set of dependencies.
     *
     * @param storage  storage account
     * @param vault    key vault
     * @param insights Application Insights component
     * @param registry container registry
     */
    record Deps(String storage, String vault, String insights, String registry) {
        String body(String location) {
            return MlFixture.body(location, storage, vault, insights, registry);
        }
    }

    /** Creates a workspace and fails loudly if the sandbox refuses. */
    JsonObject create(String group, String name, Deps d) {
        SandboxHttp.Response r = http.put(ws(group, name), d.body("eastus"));
        if (r.status() != 202) {
            throw new IllegalStateException(r.status() + " " + r.body());
        }
        return http.get(ws(group, name)).json();
    }
}
