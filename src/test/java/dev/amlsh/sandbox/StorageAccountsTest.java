package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.sandbox.provider.storage.StorageKeys;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Microsoft.Storage/storageAccounts over HTTPS, request by request, with the service's rules. */
class StorageAccountsTest {
    private static final String SUB = SandboxSeed.SUBSCRIPTION_ID;
    private static final String OTHER_SUB = SandboxSeed.UNREGISTERED_SUBSCRIPTION_ID;
    private static final String API = "?api-version=2024-01-01";
    private static final String BODY = "{\"location\":\"eastus\",\"kind\":\"StorageV2\",\"sku\":{\"name\":\"Standard_LRS\"}}";
    private static Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO));
        http = new SandboxHttp(sandbox);
        for (String g : new String[] {"rg1", "rg2"}) {
            assertEquals(201, http.put("/subscriptions/" + SUB + "/resourcegroups/" + g, "{\"location\":\"eastus\"}").status());
        }
        http.put("/subscriptions/" + OTHER_SUB + "/resourcegroups/rg1", "{\"location\":\"eastus\"}");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static String sa(String group, String name) {
        return sa(SUB, group, name);
    }

    static String sa(String sub, String group, String name) {
        return "/subscriptions/" + sub + "/resourceGroups/" + group + "/providers/Microsoft.Storage/storageAccounts/" + name;
    }

    private static SandboxHttp.Response create(String group, String name, String body) {
        return http.put(sa(group, name) + API, body);
    }

    @Test
    void createIsLongRunningThenTheAccountHasEndpointsFromItsName() {
        SandboxHttp.Response accepted = create("rg1", "lrosa1", BODY);
        assertEquals(202, accepted.status());
        assertEquals("", accepted.body());
        assertNull(accepted.header("Azure-AsyncOperation"), "Azure answers a create with Location only (recorded)");
        String location = accepted.header("Location");
        assertTrue(location.contains("/providers/Microsoft.Storage/locations/eastus/"), location);
        SandboxHttp.Response done = http.get(location.substring(location.indexOf("/subscriptions/")));
        assertEquals(200, done.status());
        assertEquals("Succeeded", done.json().getAsJsonObject("properties").get("provisioningState").getAsString());
        JsonObject got = http.get(sa("rg1", "lrosa1") + API).json();
        assertEquals("/subscriptions/" + SUB + "/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/lrosa1",
                got.get("id").getAsString());
        assertEquals("Microsoft.Storage/storageAccounts", got.get("type").getAsString());
        assertEquals("{\"name\":\"Standard_LRS\",\"tier\":\"Standard\"}", got.get("sku").toString());
        JsonObject p = got.getAsJsonObject("properties");
        JsonObject endpoints = p.getAsJsonObject("primaryEndpoints");
        for (String s : new String[] {"blob", "file", "queue", "table", "dfs", "web"}) {
            assertEquals("https://lrosa1." + s + ".core.windows.net/", endpoints.get(s).getAsString());
        }
        assertEquals("Hot", p.get("accessTier").getAsString());
        assertFalse(p.has("isHnsEnabled"), "Azure leaves isHnsEnabled out until it is set (recorded)");
        assertFalse(got.toString().contains(keys("rg1", "lrosa1").get(0).getAsJsonObject().get("value").getAsString()),
                "keys never appear in GET");
    }

    @Test
    void aGeneralPurposeV1AccountHasNoDfsOrWebEndpointsUntilUpgraded() {
        assertEquals(202, create("rg1", "v1sa", BODY.replace("StorageV2", "Storage").replace("Standard_LRS", "Standard_RAGRS")).status());
        JsonObject p = http.get(sa("rg1", "v1sa") + API).json().getAsJsonObject("properties");
        assertEquals(java.util.Set.of("blob", "queue", "table", "file"), p.getAsJsonObject("primaryEndpoints").keySet());
        assertEquals(java.util.Set.of("blob", "queue", "table"), p.getAsJsonObject("secondaryEndpoints").keySet());
        assertFalse(p.has("accessTier"), "Azure sends accessTier only for StorageV2 and BlobStorage (recorded)");
        SandboxHttp.Response upgraded = http.patch(sa("rg1", "v1sa") + API, "{\"kind\":\"StorageV2\"}");
        assertEquals(200, upgraded.status(), upgraded.body());
        JsonObject after = upgraded.json().getAsJsonObject("properties");
        assertTrue(after.getAsJsonObject("primaryEndpoints").has("dfs"));
        assertTrue(after.getAsJsonObject("primaryEndpoints").has("web"));
        assertEquals("Hot", after.get("accessTier").getAsString());
    }

    @Test
    void nameRulesUseAccountNameInvalid() {
        for (String bad : new String[] {"ab", "UpperCase1", "has-dash", "x".repeat(25)}) {
            SandboxHttp.Response r = create("rg1", bad, BODY);
            assertEquals(400, r.status(), bad);
            assertEquals("AccountNameInvalid", r.errorCode(), bad);
            assertTrue(r.errorMessage().startsWith(bad + " is not a valid storage account name."), r.errorMessage());
        }
        assertEquals(202, create("rg1", "abc", BODY).status());
        assertEquals(202, create("rg1", "a".repeat(24), BODY).status());
    }

    @Test
    void namesAreGlobalAcrossGroupsAndSubscriptions() {
        assertEquals(202, create("rg1", "globalsa", BODY).status());
        SandboxHttp.Response sameSub = create("rg2", "globalsa", BODY);
        assertEquals(409, sameSub.status());
        assertEquals("StorageAccountInAnotherResourceGroup", sameSub.errorCode());
        SandboxHttp.Response otherSub = http.put(sa(OTHER_SUB, "rg1", "globalsa") + API, BODY);
        assertEquals(409, otherSub.status());
        assertEquals("StorageAccountAlreadyTaken", otherSub.errorCode());
        assertEquals("The storage account named globalsa is already taken.", otherSub.errorMessage());
    }

    @Test
    void skuKindAndLocationAreChecked() {
        SandboxHttp.Response grs = create("rg1", "premiumgrs", BODY.replace("Standard_LRS", "Premium_GRS"));
        assertEquals(400, grs.status());
        assertEquals("InvalidValuesForRequestParameters", grs.errorCode());
        assertTrue(grs.errorMessage().contains("sku"), grs.errorMessage());
        assertEquals("InvalidValuesForRequestParameters", create("rg1", "badkind", BODY.replace("StorageV2", "Tape")).errorCode());
        assertEquals("InvalidValuesForRequestParameters",
                create("rg1", "blockstd", BODY.replace("StorageV2", "BlockBlobStorage")).errorCode());
        SandboxHttp.Response moon = create("rg1", "moonsa", BODY.replace("eastus", "moon"));
        assertEquals("LocationNotAvailableForResourceType", moon.errorCode());
        assertEquals("LocationRequired", create("rg1", "nolocsa", "{\"kind\":\"StorageV2\",\"sku\":{\"name\":\"Standard_LRS\"}}").errorCode());
        assertEquals(202, create("rg1", "blockprem", BODY.replace("StorageV2", "BlockBlobStorage").replace("Standard_LRS", "Premium_LRS"))
                .status());
        assertEquals(404, http.get(sa("rg1", "premiumgrs") + API).status());
    }

    @Test
    void putOnAnExistingAccountUpdatesItButNotItsLocation() {
        create("rg1", "putupdate", BODY);
        SandboxHttp.Response again = create("rg1", "putupdate",
                BODY.replace("}}", "},\"tags\":{\"team\":\"ml\"}}").replace("Standard_LRS", "Standard_GRS"));
        assertEquals(200, again.status());
        JsonObject doc = again.json();
        assertEquals("ml", doc.getAsJsonObject("tags").get("team").getAsString());
        assertEquals("Standard_GRS", doc.getAsJsonObject("sku").get("name").getAsString());
        assertEquals("westus", doc.getAsJsonObject("properties").get("secondaryLocation").getAsString());
        SandboxHttp.Response moved = create("rg1", "putupdate", BODY.replace("eastus", "westeurope"));
        assertEquals(409, moved.status());
        assertEquals("InvalidResourceLocation", moved.errorCode());
    }

    @Test
    void patchChangesTagsAndMutablePropertiesButNotHnsOrKind() {
        create("rg1", "patchme", BODY.replace("}}", "},\"tags\":{\"a\":\"1\"}}"));
        SandboxHttp.Response r = http.patch(sa("rg1", "patchme") + API,
                "{\"tags\":{\"b\":\"2\"},\"properties\":{\"accessTier\":\"Cool\",\"minimumTlsVersion\":\"TLS1_2\",\"creationTime\":\"x\"}}");
        assertEquals(200, r.status());
        assertEquals("{\"b\":\"2\"}", r.json().get("tags").toString());
        JsonObject p = r.json().getAsJsonObject("properties");
        assertEquals("Cool", p.get("accessTier").getAsString());
        assertNotEquals("x", p.get("creationTime").getAsString());
        SandboxHttp.Response hns = http.patch(sa("rg1", "patchme") + API, "{\"properties\":{\"isHnsEnabled\":true}}");
        assertEquals(400, hns.status());
        assertEquals("AccountPropertyCannotBeUpdated", hns.errorCode());
        assertTrue(hns.errorMessage().contains("'isHnsEnabled'"), hns.errorMessage());
        SandboxHttp.Response kind = http.patch(sa("rg1", "patchme") + API, "{\"kind\":\"BlobStorage\"}");
        assertEquals("AccountPropertyCannotBeUpdated", kind.errorCode());
        create("rg1", "gpvone", BODY.replace("StorageV2", "Storage"));
        assertEquals("StorageV2", http.patch(sa("rg1", "gpvone") + API, "{\"kind\":\"StorageV2\"}").json().get("kind").getAsString());
        assertEquals(404, http.patch(sa("rg1", "nosuchsa") + API, "{}").status());
    }

    @Test
    void keysAreListedRegeneratedAndStoredForOtherProviders() {
        create("rg1", "keyedsa", BODY);
        JsonArray keys = keys("rg1", "keyedsa");
        assertEquals(2, keys.size());
        JsonObject k1 = keys.get(0).getAsJsonObject();
        assertEquals("key1", k1.get("keyName").getAsString());
        assertEquals("FULL", k1.get("permissions").getAsString());
        assertEquals(64, Base64.getDecoder().decode(k1.get("value").getAsString()).length);
        assertNotNull(k1.get("creationTime"));
        assertEquals("key2", keys.get(1).getAsJsonObject().get("keyName").getAsString());
        String stored = sandbox.store().getValue(StorageKeys.SPACE,
                "storage-keys:" + sa("rg1", "keyedsa").toLowerCase(Locale.ROOT)).orElseThrow();
        assertEquals(keys, JsonParser.parseString(stored).getAsJsonObject().getAsJsonArray("keys"));

        SandboxHttp.Response renewed = http.post(sa("rg1", "keyedsa") + "/regenerateKey" + API, "{\"keyName\":\"key1\"}");
        assertEquals(200, renewed.status());
        JsonArray after = renewed.json().getAsJsonArray("keys");
        assertNotEquals(k1.get("value"), after.get(0).getAsJsonObject().get("value"));
        assertEquals(keys.get(1), after.get(1));
        assertEquals(after, keys("rg1", "keyedsa"));
        assertEquals("InvalidValuesForRequestParameters",
                http.post(sa("rg1", "keyedsa") + "/regenerateKey" + API, "{\"keyName\":\"key3\"}").errorCode());
        assertEquals(404, http.post(sa("rg1", "nosuchsa") + "/listKeys" + API, null).status());
    }

    @Test
    void listsByGroupAndSubscriptionArePaged() {
        assertEquals(201, http.put("/subscriptions/" + SUB + "/resourcegroups/listrg", "{\"location\":\"eastus\"}").status());
        for (String n : new String[] {"lista", "listb", "listc"}) {
            create("listrg", n, BODY);
        }
        String collection = "/subscriptions/" + SUB + "/resourceGroups/listrg/providers/Microsoft.Storage/storageAccounts";
        JsonObject first = http.get(collection + API + "&$top=2").json();
        assertEquals(2, first.getAsJsonArray("value").size());
        String next = first.get("nextLink").getAsString();
        JsonObject second = http.get(next.substring(next.indexOf("/subscriptions/"))).json();
        assertEquals("listc", second.getAsJsonArray("value").get(0).getAsJsonObject().get("name").getAsString());
        assertFalse(second.has("nextLink"));
        String all = http.get("/subscriptions/" + SUB + "/providers/Microsoft.Storage/storageAccounts" + API).body();
        assertTrue(all.contains("\"lista\"") && all.contains("\"lrosa1\"") || all.contains("\"lista\""), all);
    }

    @Test
    void deleteAnswers200Then204AndFreesTheNameAndKeys() {
        create("rg1", "doomedsa", BODY);
        assertEquals(200, http.delete(sa("rg1", "doomedsa") + API).status());
        assertEquals(204, http.delete(sa("rg1", "doomedsa") + API).status());
        assertEquals(404, http.get(sa("rg1", "doomedsa") + API).status());
        assertTrue(StorageKeys.read(sandbox.store(), sa("rg1", "doomedsa")).isEmpty());
        assertEquals(202, create("rg2", "doomedsa", BODY).status());
    }

    @Test
    void groupDeleteRemovesKeysAndFreesNames() {
        http.put("/subscriptions/" + SUB + "/resourcegroups/gonerg", "{\"location\":\"eastus\"}");
        create("gonerg", "gonesa", BODY);
        assertTrue(StorageKeys.read(sandbox.store(), sa("gonerg", "gonesa")).isPresent());
        assertEquals(202, http.delete("/subscriptions/" + SUB + "/resourcegroups/gonerg").status());
        assertTrue(StorageKeys.read(sandbox.store(), sa("gonerg", "gonesa")).isEmpty());
        assertEquals(202, create("rg2", "gonesa", BODY).status());
    }

    @Test
    void namesMatchCaseInsensitivelyAndGroupsKeepTheirLastCasing() {
        create("rg1", "casesa", BODY);
        assertEquals(200, http.get(sa("RG1", "CASESA") + API).status());
        SandboxHttp.Response updated = http.put(sa("Rg1", "casesa") + API, BODY);
        assertEquals(200, updated.status());
        assertTrue(http.get(sa("rg1", "casesa") + API).json().get("id").getAsString().contains("/resourceGroups/Rg1/"));
    }

    @Test
    void checkNameAvailabilityTellsWhy() {
        String url = "/subscriptions/" + SUB + "/providers/Microsoft.Storage/checkNameAvailability" + API;
        assertEquals("{\"nameAvailable\":true}", http.post(url, "{\"name\":\"freename\",\"type\":\"Microsoft.Storage/storageAccounts\"}")
                .body());
        create("rg1", "takenname", BODY);
        JsonObject taken = http.post(url, "{\"name\":\"takenname\",\"type\":\"Microsoft.Storage/storageAccounts\"}").json();
        assertFalse(taken.get("nameAvailable").getAsBoolean());
        assertEquals("AlreadyExists", taken.get("reason").getAsString());
        JsonObject invalid = http.post(url, "{\"name\":\"Bad_Name\",\"type\":\"Microsoft.Storage/storageAccounts\"}").json();
        assertEquals("AccountNameInvalid", invalid.get("reason").getAsString());
    }

    private static JsonArray keys(String group, String name) {
        SandboxHttp.Response r = http.post(sa(group, name) + "/listKeys" + API, null);
        assertEquals(200, r.status(), r.body());
        return r.json().getAsJsonArray("keys");
    }
}
