package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Key Vault's answers in the recorded shapes: network rules, deleted vaults, the purge operation. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class KeyVaultShapesTest {
    private static final String SUB = SandboxSeed.SUBSCRIPTION_ID;
    private static final String API = "?api-version=2023-02-01";
    private static final String BODY = "{\"location\":\"eastus\",\"properties\":{\"tenantId\":\"" + SandboxSeed.TENANT_ID
            + "\",\"sku\":{\"family\":\"A\",\"name\":\"standard\"},\"accessPolicies\":[]%s}}";
    private static Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO));
        http = new SandboxHttp(sandbox);
        http.put("/subscriptions/" + SUB + "/resourcegroups/kvs-rg", "{\"location\":\"eastus\"}");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String vault(String name) {
        return "/subscriptions/" + SUB + "/resourceGroups/kvs-rg/providers/Microsoft.KeyVault/vaults/" + name + API;
    }

    private static String deleted(String name) {
        return "/subscriptions/" + SUB + "/providers/Microsoft.KeyVault/locations/eastus/deletedVaults/" + name;
    }

    @Test
    void allowAllWithoutRulesIsNoNetworkAclsAndAnyOtherSetIsKeptWhole() {
        JsonObject open = http.put(vault("acl-open"), BODY.formatted(",\"networkAcls\":{\"bypass\":\"AzureServices\",\"defaultAction\":\"Allow\"}"))
                .json().getAsJsonObject("properties");
        assertFalse(open.has("networkAcls"), open.toString());
        JsonObject deny = http.patch(vault("acl-open"), "{\"properties\":{\"networkAcls\":{\"bypass\":\"AzureServices\",\"defaultAction\":\"Deny\"}}}")
                .json().getAsJsonObject("properties").getAsJsonObject("networkAcls");
        assertEquals("{\"bypass\":\"AzureServices\",\"defaultAction\":\"Deny\",\"ipRules\":[],\"virtualNetworkRules\":[]}", deny.toString());
        JsonObject rules = http.patch(vault("acl-open"), "{\"properties\":{\"networkAcls\":{\"defaultAction\":\"Allow\","
                + "\"ipRules\":[{\"value\":\"1.2.3.4/32\"}]}}}").json().getAsJsonObject("properties").getAsJsonObject("networkAcls");
        assertEquals("Allow", rules.get("defaultAction").getAsString());
        assertEquals(1, rules.getAsJsonArray("ipRules").size());
        assertEquals("AzureServices", rules.get("bypass").getAsString());
        JsonObject cleared = http.patch(vault("acl-open"), "{\"properties\":{\"networkAcls\":{\"defaultAction\":\"Allow\",\"ipRules\":[]}}}")
                .json().getAsJsonObject("properties");
        assertFalse(cleared.has("networkAcls"), cleared.toString());
        SandboxHttp.Response bad = http.patch(vault("acl-open"), "{\"properties\":{\"networkAcls\":{\"defaultAction\":\"Maybe\"}}}");
        assertEquals(400, bad.status());
        assertTrue(bad.errorMessage().contains("'Maybe'"), bad.errorMessage());
    }

    @Test
    void deletedVaultsShowPurgeProtectionOnlyWhenOnAndPurgeAnswersLikeKeyVault() {
        http.put(vault("plainkv"), BODY.formatted(""));
        http.put(vault("guardedkv"), BODY.formatted(",\"enablePurgeProtection\":true"));
        assertEquals(200, http.delete(vault("plainkv")).status());
        assertEquals(200, http.delete(vault("guardedkv")).status());
        assertFalse(http.get(deleted("plainkv") + API).json().getAsJsonObject("properties").has("purgeProtectionEnabled"));
        assertTrue(http.get(deleted("guardedkv") + API).json().getAsJsonObject("properties").get("purgeProtectionEnabled").getAsBoolean());

        SandboxHttp.Response purge = http.post(deleted("plainkv") + "/purge" + API, null);
        assertEquals(202, purge.status());
        assertNull(purge.header("Azure-AsyncOperation"), "Key Vault hands out Location only");
        String location = purge.header("Location");
        SandboxHttp.Response done = http.get(location.replace(sandbox.endpoint().toString(), "/"));
        assertEquals(200, done.status(), done.body());
        JsonObject result = done.json();
        assertEquals("Succeeded", result.get("status").getAsString());
        assertTrue(result.get("createdDateTime").getAsString().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ"), result.toString());
        assertTrue(result.has("lastActionDateTime"));
        assertEquals(404, http.get(deleted("plainkv") + API).status());
    }

    @Test
    void theDeletedListPagesWithNextLink() {
        for (String n : new String[] {"pagekv1", "pagekv2", "pagekv3"}) {
            http.put(vault(n), BODY.formatted(""));
            http.delete(vault(n));
        }
        String list = "/subscriptions/" + SUB + "/providers/Microsoft.KeyVault/deletedVaults" + API;
        int seen = 0;
        String next = list + "&$top=2";
        while (next != null) {
            JsonObject page = http.get(next).json();
            JsonArray values = page.getAsJsonArray("value");
            assertTrue(values.size() <= 2);
            seen += values.size();
            next = page.has("nextLink") ? page.get("nextLink").getAsString().replace(sandbox.endpoint().toString(), "/") : null;
        }
        assertEquals(http.get(list).json().getAsJsonArray("value").size(), seen);
        assertTrue(seen >= 3);
    }
}
