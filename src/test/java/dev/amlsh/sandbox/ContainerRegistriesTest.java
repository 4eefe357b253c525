package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.provider.containerregistry.RegistryCredentials;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Microsoft.ContainerRegistry/registries over HTTPS, as any ARM client sees them. */
class ContainerRegistriesTest {
    private static final String SUB = SandboxSeed.SUBSCRIPTION_ID;
    private static final String OTHER_SUB = SandboxSeed.UNREGISTERED_SUBSCRIPTION_ID;
    private static final String API = "?api-version=2023-07-01";
    private static final String BASIC = "{\"location\":\"eastus\",\"sku\":{\"name\":\"Basic\"}}";
    private static final String ADMIN = "{\"location\":\"eastus\",\"sku\":{\"name\":\"Standard\"},\"properties\":{\"adminUserEnabled\":true}}";
    private static Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO));
        http = new SandboxHttp(sandbox);
        assertEquals(201, http.put("/subscriptions/" + SUB + "/resourcegroups/acr-rg", "{\"location\":\"eastus\"}").status());
        assertEquals(201, http.put("/subscriptions/" + OTHER_SUB + "/resourcegroups/acr-rg", "{\"location\":\"eastus\"}").status());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String path(String sub, String group, String name) {
        return "/subscriptions/" + sub + "/resourceGroups/" + group + "/providers/Microsoft.ContainerRegistry/registries/" + name;
    }

    private static String path(String name) {
        return path(SUB, "acr-rg", name) + API;
    }

    private static String action(String name, String verb) {
        return path(SUB, "acr-rg", name) + "/" + verb + API;
    }

    @Test
    void putAnswers201CreatingWithAnOperationThenTheRegistryIsSucceeded() {
        SandboxHttp.Response r = http.put(path("MyRegistry1"), BASIC.replace("{\"location\"", "{\"tags\":{\"key\":\"value\"},\"location\""));
        assertEquals(201, r.status(), r.body());
        assertEquals("Creating", r.json().getAsJsonObject("properties").get("provisioningState").getAsString());
        assertNotNull(r.header("Azure-AsyncOperation"));
        JsonObject status = http.get(r.header("Azure-AsyncOperation").replace(sandbox.endpoint().toString(), "/")).json();
        assertEquals("Succeeded", status.get("status").getAsString());
        JsonObject reg = http.get(path("myregistry1")).json();
        assertEquals("MyRegistry1", reg.get("name").getAsString());
        assertEquals("Microsoft.ContainerRegistry/registries", reg.get("type").getAsString());
        assertEquals("{\"name\":\"Basic\",\"tier\":\"Basic\"}", reg.get("sku").toString());
        JsonObject p = reg.getAsJsonObject("properties");
        assertEquals("myregistry1.azurecr.io", p.get("loginServer").getAsString());
        assertEquals("Succeeded", p.get("provisioningState").getAsString());
        assertFalse(p.get("adminUserEnabled").getAsBoolean());
        assertFalse(p.has("networkRuleSet"), "network rules are a Premium feature");
        assertEquals("value", reg.getAsJsonObject("tags").get("key").getAsString());
        assertEquals(SandboxSeed.ADMIN_USER, reg.getAsJsonObject("systemData").get("createdBy").getAsString());
    }

    @Test
    void putOfAnExistingRegistryAnswers201WithAnOperationAsAcrDoes() {
        http.put(path("again12345"), BASIC);
        SandboxHttp.Response r = http.put(path("AGAIN12345"), ADMIN);
        assertEquals(201, r.status(), r.body());
        assertNotNull(r.header("Azure-AsyncOperation"));
        assertNull(r.header("Location"));
        assertEquals("Succeeded", r.json().getAsJsonObject("properties").get("provisioningState").getAsString());
        assertEquals("Standard", r.json().getAsJsonObject("sku").get("name").getAsString());
        assertEquals("AGAIN12345", http.get(path("again12345")).json().get("name").getAsString());
    }

    @Test
    void namesAre5To50AlphanumericsAndGloballyUnique() {
        for (String bad : new String[] {"abcd", "a".repeat(51), "with-dash", "under_score", "dotted.name"}) {
            SandboxHttp.Response r = http.put(path(bad), BASIC);
            assertEquals(400, r.status(), bad);
            assertEquals("InvalidResourceName", r.errorCode(), bad);
        }
        assertEquals(201, http.put(path("abcde"), BASIC).status());
        assertEquals(201, http.put(path("b".repeat(50)), BASIC).status());
        http.put(path("globalname1"), BASIC);
        SandboxHttp.Response taken = http.put(path(OTHER_SUB, "acr-rg", "GlobalName1") + API, BASIC);
        assertEquals(409, taken.status(), taken.body());
        assertEquals("AlreadyInUse", taken.errorCode());
        assertTrue(taken.errorMessage().startsWith("The registry DNS name globalname1.azurecr.io is already in use."));
    }

    @Test
    void skuAndLocationRules() {
        assertEquals("InvalidSkuName", http.put(path("badsku123"), BASIC.replace("Basic", "Gold")).errorCode());
        assertEquals("InvalidParameter", http.put(path("nosku1234"), "{\"location\":\"eastus\"}").errorCode());
        assertEquals("LocationRequired", http.put(path("noloc1234"), "{\"sku\":{\"name\":\"Basic\"}}").errorCode());
        JsonObject premium = http.put(path("premium123"), BASIC.replace("Basic", "premium")).json();
        assertEquals("Premium", premium.getAsJsonObject("sku").get("name").getAsString());
        assertTrue(premium.getAsJsonObject("properties").has("networkRuleSet"));
    }

    @Test
    void patchChangesAdminUserSkuAndTags() {
        http.put(path("patched123"), BASIC.replace("{\"location\"", "{\"tags\":{\"a\":\"1\"},\"location\""));
        SandboxHttp.Response r = http.patch(path("patched123"),
                "{\"sku\":{\"name\":\"Premium\"},\"tags\":{\"b\":\"2\"},\"properties\":{\"adminUserEnabled\":true}}");
        assertEquals(201, r.status(), r.body()); // a SKU change reprovisions: 201 with an operation, as ACR answers
        assertNotNull(r.header("Azure-AsyncOperation"));
        SandboxHttp.Response admin = http.patch(path("patched123"), "{\"properties\":{\"adminUserEnabled\":false}}");
        assertEquals(200, admin.status(), admin.body());
        assertNull(admin.header("Azure-AsyncOperation"));
        http.patch(path("patched123"), "{\"properties\":{\"adminUserEnabled\":true}}");
        JsonObject reg = http.get(path("patched123")).json();
        assertTrue(reg.getAsJsonObject("properties").get("adminUserEnabled").getAsBoolean());
        assertEquals("Premium", reg.getAsJsonObject("sku").get("tier").getAsString());
        assertEquals("{\"b\":\"2\"}", reg.get("tags").toString());
        assertEquals("ResourceNotFound", http.patch(path("nothere123"), "{\"tags\":{}}").errorCode());
    }

    @Test
    void credentialsNeedTheAdminUserAndNeverAppearInGet() {
        http.put(path("secretive1"), BASIC);
        SandboxHttp.Response refused = http.post(action("secretive1", "listCredentials"), null);
        assertEquals(400, refused.status());
        assertTrue(refused.errorMessage().contains("as admin user is disabled"), refused.errorMessage());
        http.patch(path("secretive1"), "{\"properties\":{\"adminUserEnabled\":true}}");
        SandboxHttp.Response creds = http.post(action("secretive1", "listCredentials"), null);
        assertEquals(200, creds.status(), creds.body());
        JsonObject c = creds.json();
        assertEquals("secretive1", c.get("username").getAsString());
        JsonArray passwords = c.getAsJsonArray("passwords");
        assertEquals("password", passwords.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals("password2", passwords.get(1).getAsJsonObject().get("name").getAsString());
        String first = passwords.get(0).getAsJsonObject().get("value").getAsString();
        String second = passwords.get(1).getAsJsonObject().get("value").getAsString();
        assertNotEquals(first, second);
        String shown = http.get(path("secretive1")).body() + http.get(path(SUB, "acr-rg", "") + API).body();
        assertFalse(shown.contains(first) || shown.contains(second), "passwords leak into GET");
        JsonObject regenerated = http.post(action("secretive1", "regenerateCredential"), "{\"name\":\"password2\"}").json();
        JsonArray after = regenerated.getAsJsonArray("passwords");
        assertEquals(first, after.get(0).getAsJsonObject().get("value").getAsString());
        assertNotEquals(second, after.get(1).getAsJsonObject().get("value").getAsString());
        assertEquals("InvalidParameter", http.post(action("secretive1", "regenerateCredential"), "{\"name\":\"password3\"}").errorCode());
    }

    @Test
    void credentialsLiveUnderTheSharedKeyOfTheStoreForOtherHandlersToRead() throws Exception {
        java.nio.file.Path home = java.nio.file.Files.createTempDirectory("acr-kv-");
        try (Sandbox own = Sandbox.start(new SandboxOptions(home, 0, Duration.ZERO))) {
            SandboxHttp h = new SandboxHttp(own);
            h.put("/subscriptions/" + SUB + "/resourcegroups/kv-rg", "{\"location\":\"eastus\"}");
            String reg = path(SUB, "kv-rg", "SharedKey1") + API;
            assertEquals(201, h.put(reg, ADMIN).status());
            String id = h.get(reg).json().get("id").getAsString();
            JsonObject listed = h.post(path(SUB, "kv-rg", "SharedKey1") + "/listCredentials" + API, null).json();
            try (var store = dev.amlsh.sandbox.store.SqliteStore.open(home.resolve("sandbox.db"))) {
                String raw = store.getValue("containerregistry", "acr-credentials:" + id.toLowerCase(Locale.ROOT)).orElseThrow();
                assertEquals(listed, com.google.gson.JsonParser.parseString(raw));
                assertEquals(listed, RegistryCredentials.read(store, id.toUpperCase(Locale.ROOT)).orElseThrow());
            }
            assertEquals(200, h.delete(reg).status());
            try (var store = dev.amlsh.sandbox.store.SqliteStore.open(home.resolve("sandbox.db"))) {
                assertTrue(RegistryCredentials.read(store, id).isEmpty(), "deleting the registry drops its credentials");
            }
        }
    }

    @Test
    void withADelayTheRegistryIsCreatingUntilItsOperationEnds() throws Exception {
        try (Sandbox slow = Sandbox.start(new SandboxOptions(null, 0, Duration.ofMillis(500)))) {
            SandboxHttp h = new SandboxHttp(slow);
            h.put("/subscriptions/" + SUB + "/resourcegroups/slow-rg", "{\"location\":\"eastus\"}");
            String reg = path(SUB, "slow-rg", "slowreg12") + API;
            SandboxHttp.Response created = h.put(reg, BASIC);
            assertEquals(201, created.status());
            String status = created.header("Azure-AsyncOperation").replace(slow.endpoint().toString(), "/");
            assertEquals("InProgress", h.get(status).json().get("status").getAsString());
            assertEquals("Creating", h.get(reg).json().getAsJsonObject("properties").get("provisioningState").getAsString());
            Thread.sleep(700);
            assertEquals("Succeeded", h.get(status).json().get("status").getAsString());
            assertEquals("Succeeded", h.get(reg).json().getAsJsonObject("properties").get("provisioningState").getAsString());
            assertEquals(200, h.delete(reg).status()); // ACR deletes at once
            assertEquals(404, h.get(reg).status());
        }
    }

    @Test
    void checkNameAvailabilityAnswersAsTheExample() {
        String url = "/subscriptions/" + SUB + "/providers/Microsoft.ContainerRegistry/checkNameAvailability" + API;
        http.put(path("myRegistry"), BASIC);
        JsonObject taken = http.post(url, "{\"name\":\"myRegistry\",\"type\":\"Microsoft.ContainerRegistry/registries\"}").json();
        assertEquals("{\"nameAvailable\":false,\"reason\":\"AlreadyExists\",\"message\":\"The registry myRegistry is already in use.\"}",
                taken.toString());
        JsonObject free = http.post(url, "{\"name\":\"freename123\",\"type\":\"Microsoft.ContainerRegistry/registries\"}").json();
        assertTrue(free.get("nameAvailable").getAsBoolean());
        JsonObject invalid = http.post(url, "{\"name\":\"no-dash\",\"type\":\"Microsoft.ContainerRegistry/registries\"}").json();
        assertEquals("Invalid", invalid.get("reason").getAsString());
        assertEquals(400, http.post(url, "{\"name\":\"x12345\",\"type\":\"Microsoft.Storage/storageAccounts\"}").status());
    }

    @Test
    void deleteAnswers200AtOnceAndFreesTheNameAndTheCredentials() {
        http.put(path("deleteme12"), ADMIN);
        SandboxHttp.Response del = http.delete(path("DeleteMe12"));
        assertEquals(200, del.status(), del.body());
        assertNull(del.header("Location"));
        assertEquals(404, http.get(path("deleteme12")).status());
        assertEquals(204, http.delete(path("deleteme12")).status());
        assertEquals(201, http.put(path(OTHER_SUB, "acr-rg", "deleteme12") + API, BASIC).status());
    }

    @Test
    void listByGroupAndSubscriptionAndGroupDeleteReleasesNames() {
        http.put("/subscriptions/" + SUB + "/resourcegroups/acr-list", "{\"location\":\"eastus\"}");
        http.put(path(SUB, "acr-list", "listedreg1") + API, BASIC);
        http.put(path(SUB, "acr-list", "listedreg2") + API, BASIC);
        JsonArray inGroup = http.get("/subscriptions/" + SUB + "/resourceGroups/acr-list/providers/Microsoft.ContainerRegistry/registries"
                + API).json().getAsJsonArray("value");
        assertEquals(2, inGroup.size());
        JsonArray inSub = http.get("/subscriptions/" + SUB + "/providers/Microsoft.ContainerRegistry/registries" + API)
                .json().getAsJsonArray("value");
        assertTrue(inSub.size() >= 2);
        assertEquals(202, http.delete("/subscriptions/" + SUB + "/resourcegroups/acr-list").status());
        assertEquals(201, http.put(path("listedreg1"), BASIC).status(), "the name is free once its group is gone");
    }
}
