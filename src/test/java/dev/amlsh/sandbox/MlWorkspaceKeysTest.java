package dev.amlsh.sandbox;

import static dev.amlsh.sandbox.MlFixture.ws;
import static dev.amlsh.sandbox.MlFixture.wsAction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** listKeys and the sync-keys story, diagnose, and the notebook actions. */
class MlWorkspaceKeysTest {
    private static MlFixture f;
    private static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        f = MlFixture.shared();
        http = f.http;
        f.group("keys-rg", "eastus");
    }

    @Test
    void listKeysShowsEveryDependencysSecret() {
        MlFixture.Deps d = f.deps("keys-rg", "lk");
        f.create("keys-rg", "keys-ws", d);
        SandboxHttp.Response r = http.post(wsAction("keys-rg", "keys-ws", "listKeys"), null);
        assertEquals(200, r.status(), r.body());
        JsonObject k = r.json();
        assertEquals("key-one-of-salk", k.get("userStorageKey").getAsString());
        assertEquals(d.storage(), k.get("userStorageArmId").getAsString());
        assertFalse(k.has("userStorageResourceId"), "the name Azure answers with (recorded), not the schema's");
        assertEquals("ikey-ailk", k.get("appInsightsInstrumentationKey").getAsString());
        JsonObject acr = k.getAsJsonObject("containerRegistryCredentials");
        assertEquals("acrlk", acr.get("username").getAsString());
        assertEquals("westus", acr.get("location").getAsString());
        assertEquals("pw1-acrlk", acr.getAsJsonArray("passwords").get(0).getAsJsonObject().get("value").getAsString());
        JsonObject notebook = k.getAsJsonObject("notebookAccessKeys");
        assertTrue(notebook.get("primaryAccessKey").getAsString().length() > 20);

        http.put(ws("keys-rg", "noacr-ws"), MlFixture.body("eastus", d.storage(), d.vault(), d.insights(), null));
        assertTrue(http.post(wsAction("keys-rg", "noacr-ws", "listKeys"), null).json().get("containerRegistryCredentials").isJsonNull(),
                "Azure answers containerRegistryCredentials null without a registry");
        assertEquals("ResourceNotFound", http.post(wsAction("keys-rg", "nokeys", "listKeys"), null).errorCode());
    }

    @Test
    void aRegeneratedStorageKeyShowsOnlyAfterResyncKeys() {
        MlFixture.Deps d = f.deps("keys-rg", "rs");
        f.create("keys-rg", "sync-ws", d);
        f.storageKeys(d.storage(), "rotated-key");
        assertEquals("key-one-of-sars", http.post(wsAction("keys-rg", "sync-ws", "listKeys"), null).json()
                .get("userStorageKey").getAsString(), "the workspace still has the key it took at create");
        SandboxHttp.Response sync = http.post(wsAction("keys-rg", "sync-ws", "resyncKeys"), null);
        assertEquals(202, sync.status());
        SandboxHttp.Response done = get(sync.header("Location"));
        assertEquals(200, done.status());
        assertEquals("sync-ws", done.json().get("name").getAsString(), "Azure's final answer of resyncKeys is the workspace");
        assertEquals("rotated-key", http.post(wsAction("keys-rg", "sync-ws", "listKeys"), null).json().get("userStorageKey").getAsString());
        assertEquals("rotated-key", http.post(wsAction("keys-rg", "sync-ws", "listStorageAccountKeys"), null).json()
                .get("userStorageKey").getAsString());
    }

    @Test
    void diagnoseReportsMissingDependenciesAndADisabledRegistryAdmin() {
        MlFixture.Deps d = f.deps("keys-rg", "dg");
        f.create("keys-rg", "diag-ws", d);
        JsonObject healthy = diagnose("diag-ws");
        assertEquals(9, healthy.entrySet().size());
        healthy.entrySet().forEach(e -> assertEquals(0, e.getValue().getAsJsonArray().size(), e.getKey()));

        f.sandbox.store().delete(d.registry());
        JsonArray acr = diagnose("diag-ws").getAsJsonArray("containerRegistryResults");
        assertEquals(1, acr.size());
        JsonObject result = acr.get(0).getAsJsonObject();
        assertEquals("ContainerRegistryNotFound", result.get("code").getAsString());
        assertEquals("Error", result.get("level").getAsString());
        assertTrue(result.get("message").getAsString().contains(d.registry()));

        f.registry("keys-rg", "acrdg", false);
        assertEquals("ContainerRegistryAdminUserDisabled", diagnose("diag-ws").getAsJsonArray("containerRegistryResults")
                .get(0).getAsJsonObject().get("code").getAsString());
        f.sandbox.store().delete(d.storage());
        assertEquals("StorageAccountNotFound", diagnose("diag-ws").getAsJsonArray("storageAccountResults")
                .get(0).getAsJsonObject().get("code").getAsString());
    }

    @Test
    void notebookTokenAndPrivateLinkResourcesHaveTheirShapes() {
        MlFixture.Deps d = f.deps("keys-rg", "nb");
        JsonObject w = f.create("keys-rg", "nb-ws", d);
        JsonObject t = http.post(wsAction("keys-rg", "nb-ws", "listNotebookAccessToken"), null).json();
        assertEquals("Bearer", t.get("tokenType").getAsString());
        assertEquals("aznb_identity", t.get("scope").getAsString());
        assertEquals(28800, t.get("expiresIn").getAsInt());
        assertEquals(w.getAsJsonObject("properties").getAsJsonObject("notebookInfo").get("resourceId"), t.get("notebookResourceId"));
        JsonObject pl = http.get(wsAction("keys-rg", "nb-ws", "privateLinkResources")).json().getAsJsonArray("value").get(0).getAsJsonObject();
        assertEquals("amlworkspace", pl.getAsJsonObject("properties").get("groupId").getAsString());
        assertEquals("NotFound", http.post(wsAction("keys-rg", "nb-ws", "explode"), null).errorCode());
    }

    private static JsonObject diagnose(String name) {
        SandboxHttp.Response r = http.post(wsAction("keys-rg", name, "diagnose"), "{\"value\":{}}");
        assertEquals(202, r.status(), r.body());
        SandboxHttp.Response done = get(r.header("Location"));
        assertEquals(200, done.status());
        return done.json().getAsJsonObject("value");
    }

    private static SandboxHttp.Response get(String url) {
        return http.send("GET", url.substring(f.sandbox.endpoint().toString().length() - 1), null);
    }
}
