package dev.amlsh.sandbox;

import static dev.amlsh.sandbox.MlFixture.SUB;
import static dev.amlsh.sandbox.MlFixture.ws;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Soft delete, purge, customer-managed keys and the resource group cascade. */
class MlWorkspaceDeleteTest {
    private static MlFixture f;
    private static SandboxHttp http;
    private static MlFixture.Deps deps;

    @BeforeAll
    static void start() throws Exception {
        f = MlFixture.shared();
        http = f.http;
        f.group("del-rg", "eastus");
        deps = f.deps("del-rg", "del");
    }

    @Test
    void deleteSoftDeletesAndKeepsTheNameUntilPurged() {
        f.create("del-rg", "soft-ws", deps);
        SandboxHttp.Response d = http.delete(ws("del-rg", "soft-ws"));
        assertEquals(202, d.status());
        assertEquals(200, get(d.header("Location")).status());
        assertEquals("ResourceNotFound", http.get(ws("del-rg", "soft-ws")).errorCode());
        assertTrue(names("del-rg").stream().noneMatch(n -> n.equalsIgnoreCase("soft-ws")), "soft-deleted workspaces are not listed");
        SandboxHttp.Response blocked = http.put(ws("del-rg", "SOFT-WS"), deps.body("eastus"));
        assertEquals(409, blocked.status());
        assertEquals("Conflict", blocked.errorCode());
        assertTrue(blocked.errorMessage().contains("is soft-deleted") && blocked.errorMessage().contains("forceToPurge=true"),
                blocked.errorMessage());
        assertEquals(204, http.delete(ws("del-rg", "soft-ws")).status(), "a plain delete of a soft-deleted name finds nothing");
        SandboxHttp.Response purge = http.delete(ws("del-rg", "Soft-WS").replace("?", "?forceToPurge=true&"));
        assertEquals(202, purge.status());
        assertEquals(200, get(purge.header("Location")).status());
        assertEquals(202, http.put(ws("del-rg", "soft-ws"), deps.body("eastus")).status());
        assertTrue(f.sandbox.store().get(deps.storage()).isPresent() && f.sandbox.store().get(deps.vault()).isPresent()
                && f.sandbox.store().get(deps.insights()).isPresent() && f.sandbox.store().get(deps.registry()).isPresent(),
                "deleting a workspace never deletes its dependencies");
    }

    @Test
    void forceToPurgeFreesTheNameAtOnceAndAMissingWorkspaceIs204() {
        f.create("del-rg", "purge-ws", deps);
        assertEquals(202, http.delete(ws("del-rg", "purge-ws").replace("?", "?forceToPurge=true&")).status());
        assertEquals(202, http.put(ws("del-rg", "purge-ws"), deps.body("eastus")).status());
        assertEquals(204, http.delete(ws("del-rg", "never-was")).status());
        assertEquals("InvalidParameter", http.delete(ws("del-rg", "purge-ws").replace("?", "?forceToPurge=maybe&")).errorCode());
    }

    @Test
    void customerManagedKeysGetAServiceManagedGroupAndAreAlwaysPurged() {
        String cmkVault = f.vault("del-rg", "kvcmk");
        SandboxHttp.Response r = http.put(ws("del-rg", "cmk-ws"), cmkBody(cmkVault));
        assertEquals(202, r.status(), r.body());
        String managed = http.get(ws("del-rg", "cmk-ws")).json().getAsJsonObject("properties")
                .get("serviceProvisionedResourceGroup").getAsString();
        assertTrue(managed.matches("del-rg_[0-9a-f]{32}"), managed);
        JsonObject group = http.get("/subscriptions/" + SUB + "/resourcegroups/" + managed).json();
        assertEquals(MlFixture.rid("del-rg", "Microsoft.MachineLearningServices/workspaces", "cmk-ws"), group.get("managedBy").getAsString());
        assertEquals("eastus", group.get("location").getAsString());
        assertEquals(202, http.delete(ws("del-rg", "cmk-ws")).status());
        assertEquals(404, http.get("/subscriptions/" + SUB + "/resourcegroups/" + managed).status());
        assertEquals(202, http.put(ws("del-rg", "cmk-ws"), cmkBody(cmkVault)).status(), "a CMK workspace is never soft-deleted");

        String ghost = MlFixture.rid("del-rg", "Microsoft.KeyVault/vaults", "nokv");
        SandboxHttp.Response noVault = http.put(ws("del-rg", "cmk-ghost"), cmkBody(ghost));
        assertEquals(400, noVault.status());
        assertTrue(noVault.errorMessage().contains("key vault '" + ghost + "' was not found"), noVault.errorMessage());
        SandboxHttp.Response change = http.put(ws("del-rg", "cmk-ws"), deps.body("eastus")
                .replace("\"properties\":{", "\"properties\":{\"encryption\":{\"status\":\"Disabled\"},"));
        assertTrue(change.errorMessage().contains("'encryption' cannot be changed"), change.errorMessage());
    }

    @Test
    void groupDeleteSoftDeletesItsWorkspacesAndPurgesCmkOnes() {
        f.group("doomed-ml", "eastus");
        MlFixture.Deps d = f.deps("doomed-ml", "doom");
        f.create("doomed-ml", "doomed-ws", d);
        String cmkVault = f.vault("doomed-ml", "kvdoom");
        assertEquals(202, http.put(ws("doomed-ml", "doomed-cmk"), cmkBody(cmkVault).replace(deps.storage(), d.storage())).status());
        String managed = http.get(ws("doomed-ml", "doomed-cmk")).json().getAsJsonObject("properties").get("serviceProvisionedResourceGroup").getAsString();
        assertEquals(202, http.delete("/subscriptions/" + SUB + "/resourcegroups/doomed-ml").status());
        assertEquals("ResourceGroupNotFound", http.get(ws("doomed-ml", "doomed-ws")).errorCode());
        assertEquals(404, http.get("/subscriptions/" + SUB + "/resourcegroups/" + managed).status());
        f.group("doomed-ml", "eastus");
        MlFixture.Deps again = f.deps("doomed-ml", "doom");
        SandboxHttp.Response blocked = http.put(ws("doomed-ml", "doomed-ws"), again.body("eastus"));
        assertEquals(409, blocked.status(), "the soft-deleted workspace of the deleted group still holds its name");
        assertEquals(202, http.put(ws("doomed-ml", "doomed-cmk"), again.body("eastus")).status());
        assertEquals(202, http.delete(ws("doomed-ml", "doomed-ws").replace("?", "?forceToPurge=true&")).status());
        assertEquals(202, http.put(ws("doomed-ml", "doomed-ws"), again.body("eastus")).status());
    }

    private static String cmkBody(String vault) {
        return deps.body("eastus").replace("\"properties\":{", "\"properties\":{\"encryption\":{\"status\":\"Enabled\","
                + "\"keyVaultProperties\":{\"keyVaultArmId\":\"" + vault + "\",\"keyIdentifier\":"
                + "\"https://kvcmk.vault.azure.net/keys/k1/0123456789abcdef0123456789abcdef\"}},");
    }

    private static List<String> names(String group) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : http.get(MlFixture.rid(group, "Microsoft.MachineLearningServices/workspaces", "").replaceAll("/$", "")
                + "?api-version=" + MlFixture.API).json().getAsJsonArray("value")) {
            out.add(e.getAsJsonObject().get("name").getAsString());
        }
        return out;
    }

    private static SandboxHttp.Response get(String url) {
        return http.send("GET", url.substring(f.sandbox.endpoint().toString().length() - 1), null);
    }
}
