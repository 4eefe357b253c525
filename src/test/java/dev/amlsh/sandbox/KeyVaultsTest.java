package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Microsoft.KeyVault/vaults over HTTPS, request by request: names, soft delete, purge, global uniqueness. */
class KeyVaultsTest {
    private static final String SUB = SandboxSeed.SUBSCRIPTION_ID;
    private static final String OTHER_SUB = SandboxSeed.UNREGISTERED_SUBSCRIPTION_ID;
    private static final String API = "?api-version=2023-07-01";
    private static final String BODY = "{\"location\":\"eastus\",\"properties\":{\"tenantId\":\"" + SandboxSeed.TENANT_ID
            + "\",\"sku\":{\"family\":\"A\",\"name\":\"standard\"},\"accessPolicies\":[]}}";
    private static Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO));
        http = new SandboxHttp(sandbox);
        for (String g : new String[] {"rg1", "rg2"}) {
            http.put("/subscriptions/" + SUB + "/resourcegroups/" + g, "{\"location\":\"eastus\"}");
        }
        http.put("/subscriptions/" + OTHER_SUB + "/resourcegroups/rg1", "{\"location\":\"eastus\"}");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static String kv(String group, String name) {
        return kv(SUB, group, name);
    }

    static String kv(String sub, String group, String name) {
        return "/subscriptions/" + sub + "/resourceGroups/" + group + "/providers/Microsoft.KeyVault/vaults/" + name;
    }

    private static SandboxHttp.Response create(String group, String name, String body) {
        return http.put(kv(group, name) + API, body);
    }

    private static String deleted(String location, String name) {
        return "/subscriptions/" + SUB + "/providers/Microsoft.KeyVault/locations/" + location + "/deletedVaults/" + name;
    }

    @Test
    void createAndUpdateBothAnswer200InTheServiceShape() {
        SandboxHttp.Response created = create("rg1", "MyVault1", BODY);
        assertEquals(200, created.status(), created.body());
        JsonObject v = created.json();
        assertEquals(kv("rg1", "MyVault1"), v.get("id").getAsString());
        assertEquals("Microsoft.KeyVault/vaults", v.get("type").getAsString());
        JsonObject p = v.getAsJsonObject("properties");
        assertEquals("https://myvault1.vault.azure.net/", p.get("vaultUri").getAsString());
        assertEquals(SandboxSeed.TENANT_ID, p.get("tenantId").getAsString());
        assertEquals("{\"family\":\"A\",\"name\":\"standard\"}", p.get("sku").toString());
        assertTrue(p.get("enableSoftDelete").getAsBoolean());
        assertEquals(90, p.get("softDeleteRetentionInDays").getAsInt());
        assertFalse(p.has("enableRbacAuthorization"), "Azure leaves enableRbacAuthorization out until it is set (recorded)");
        assertEquals("Succeeded", p.get("provisioningState").getAsString());
        assertEquals(SandboxSeed.ADMIN_USER, v.getAsJsonObject("systemData").get("createdBy").getAsString());
        assertEquals(200, create("rg1", "myvault1", BODY.replace("standard", "premium")).status());
        JsonObject again = http.get(kv("rg1", "MYVAULT1") + API).json();
        assertEquals("myvault1", again.get("name").getAsString());
        assertEquals("premium", again.getAsJsonObject("properties").getAsJsonObject("sku").get("name").getAsString());
    }

    @Test
    void nameRulesUseVaultNameNotValid() {
        for (String bad : new String[] {"ab", "1starts-digit", "ends-", "double--hyphen", "under_score", "x".repeat(25)}) {
            SandboxHttp.Response r = create("rg1", bad, BODY);
            assertEquals(400, r.status(), bad);
            assertEquals("VaultNameNotValid", r.errorCode(), bad);
        }
        assertEquals(200, create("rg1", "a-b", BODY).status());
        assertEquals(200, create("rg1", "K" + "v".repeat(22) + "9", BODY).status());
    }

    @Test
    void tenantSkuLocationAndSoftDeleteAreChecked() {
        SandboxHttp.Response tenant = create("rg1", "tenantkv", BODY.replace(SandboxSeed.TENANT_ID, "11111111-2222-3333-4444-555555555555"));
        assertEquals(400, tenant.status());
        assertTrue(tenant.errorMessage().contains("tenantId"), tenant.errorMessage());
        assertEquals(400, create("rg1", "skukv", BODY.replace("standard", "gold")).status());
        assertEquals("LocationNotAvailableForResourceType", create("rg1", "moonkv", BODY.replace("eastus", "moon")).errorCode());
        assertEquals("LocationRequired", create("rg1", "nolockv", BODY.replace("\"location\":\"eastus\",", "")).errorCode());
        SandboxHttp.Response off = create("rg1", "nosoftkv", BODY.replace("\"accessPolicies\"", "\"enableSoftDelete\":false,\"accessPolicies\""));
        assertEquals(400, off.status());
        assertTrue(off.errorMessage().contains("enableSoftDelete"), off.errorMessage());
        assertEquals(404, http.get(kv("rg1", "tenantkv") + API).status());
    }

    @Test
    void namesAreGlobalIncludingSoftDeletedVaults() {
        create("rg1", "globalkv", BODY);
        SandboxHttp.Response otherGroup = create("rg2", "GlobalKV", BODY);
        assertEquals(409, otherGroup.status());
        assertEquals("VaultAlreadyExists", otherGroup.errorCode());
        SandboxHttp.Response otherSub = http.put(kv(OTHER_SUB, "rg1", "globalkv") + API, BODY);
        assertEquals("VaultAlreadyExists", otherSub.errorCode());
        assertEquals(200, http.delete(kv("rg1", "globalkv") + API).status());
        SandboxHttp.Response again = create("rg1", "globalkv", BODY);
        assertEquals(409, again.status());
        assertEquals("ConflictError", again.errorCode());
        assertEquals("VaultAlreadyExists", http.put(kv(OTHER_SUB, "rg1", "globalkv") + API, BODY).errorCode());
    }

    @Test
    void deleteIsSoftThenPurgeFreesTheName() {
        create("rg1", "softkv", BODY.replace("\"accessPolicies\"", "\"softDeleteRetentionInDays\":7,\"accessPolicies\""));
        assertEquals(200, http.delete(kv("rg1", "softkv") + API).status());
        assertEquals(204, http.delete(kv("rg1", "softkv") + API).status());
        assertEquals(404, http.get(kv("rg1", "softkv") + API).status());
        JsonArray list = http.get("/subscriptions/" + SUB + "/providers/Microsoft.KeyVault/deletedVaults" + API).json()
                .getAsJsonArray("value");
        JsonObject d = find(list, "softkv");
        assertEquals(deleted("eastus", "softkv"), d.get("id").getAsString());
        assertEquals("Microsoft.KeyVault/deletedVaults", d.get("type").getAsString());
        JsonObject p = d.getAsJsonObject("properties");
        assertEquals(kv("rg1", "softkv"), p.get("vaultId").getAsString());
        assertEquals("eastus", p.get("location").getAsString());
        assertNotNull(p.get("deletionDate"));
        assertNotNull(p.get("scheduledPurgeDate"));
        assertFalse(d.has("subscriptionId"));
        assertEquals(200, http.get(deleted("eastus", "softkv") + API).status());
        SandboxHttp.Response wrongPlace = http.post(deleted("westus", "softkv") + "/purge" + API, null);
        assertEquals(404, wrongPlace.status());
        SandboxHttp.Response purged = http.post(deleted("eastus", "softkv") + "/purge" + API, null);
        assertEquals(202, purged.status());
        assertNotNull(purged.header("Location"));
        assertEquals(404, http.get(deleted("eastus", "softkv") + API).status());
        assertEquals(200, create("rg2", "softkv", BODY).status());
    }

    @Test
    void purgeProtectionBlocksPurge() {
        create("rg1", "protectedkv", BODY.replace("\"accessPolicies\"", "\"enablePurgeProtection\":true,\"accessPolicies\""));
        SandboxHttp.Response off = http.patch(kv("rg1", "protectedkv") + API, "{\"properties\":{\"enablePurgeProtection\":false}}");
        assertEquals(400, off.status());
        http.delete(kv("rg1", "protectedkv") + API);
        assertEquals(409, http.post(deleted("eastus", "protectedkv") + "/purge" + API, null).status());
    }

    @Test
    void groupDeleteSoftDeletesItsVaults() {
        http.put("/subscriptions/" + SUB + "/resourcegroups/gonerg", "{\"location\":\"eastus\"}");
        create("gonerg", "gonekv", BODY);
        assertEquals(202, http.delete("/subscriptions/" + SUB + "/resourcegroups/gonerg").status());
        assertEquals(200, http.get(deleted("eastus", "gonekv") + API).status());
        assertEquals("ConflictError", create("rg1", "gonekv", BODY).errorCode());
    }

    @Test
    void patchListAndCheckName() {
        create("rg2", "patchkv", BODY);
        SandboxHttp.Response patched = http.patch(kv("rg2", "patchkv") + API,
                "{\"tags\":{\"env\":\"dev\"},\"properties\":{\"enableRbacAuthorization\":true,\"vaultUri\":\"https://evil/\"}}");
        assertEquals(200, patched.status());
        JsonObject p = patched.json().getAsJsonObject("properties");
        assertTrue(p.get("enableRbacAuthorization").getAsBoolean());
        assertEquals("https://patchkv.vault.azure.net/", p.get("vaultUri").getAsString());
        assertEquals("dev", patched.json().getAsJsonObject("tags").get("env").getAsString());
        assertEquals(404, http.patch(kv("rg2", "nosuchkv") + API, "{}").status());
        JsonArray byGroup = http.get("/subscriptions/" + SUB + "/resourceGroups/rg2/providers/Microsoft.KeyVault/vaults" + API).json()
                .getAsJsonArray("value");
        assertNotNull(find(byGroup, "patchkv"));
        JsonArray bySub = http.get("/subscriptions/" + SUB + "/providers/Microsoft.KeyVault/vaults" + API).json().getAsJsonArray("value");
        assertNotNull(find(bySub, "patchkv"));
        String check = "/subscriptions/" + SUB + "/providers/Microsoft.KeyVault/checkNameAvailability" + API;
        assertEquals("{\"nameAvailable\":true}", http.post(check, "{\"name\":\"freekv\",\"type\":\"Microsoft.KeyVault/vaults\"}").body());
        JsonObject taken = http.post(check, "{\"name\":\"PATCHKV\",\"type\":\"Microsoft.KeyVault/vaults\"}").json();
        assertEquals("AlreadyExists", taken.get("reason").getAsString());
        assertEquals("AccountNameInvalid",
                http.post(check, "{\"name\":\"no--no\",\"type\":\"Microsoft.KeyVault/vaults\"}").json().get("reason").getAsString());
    }

    private static JsonObject find(JsonArray items, String name) {
        for (var e : items) {
            if (e.getAsJsonObject().get("name").getAsString().equals(name)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError(name + " not in " + items);
    }
}
