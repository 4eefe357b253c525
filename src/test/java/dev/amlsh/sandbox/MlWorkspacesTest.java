package dev.amlsh.sandbox;

import static dev.amlsh.sandbox.MlFixture.SUB;
import static dev.amlsh.sandbox.MlFixture.ws;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Workspace create, get, update and the create rules of the real service (no LRO delay). */
class MlWorkspacesTest {
    private static MlFixture f;
    private static SandboxHttp http;
    private static MlFixture.Deps deps;

    @BeforeAll
    static void start() throws Exception {
        f = MlFixture.shared();
        http = f.http;
        f.group("rg1", "eastus");
        deps = f.deps("rg1", "main");
    }

    @Test
    void createAnswers202InTheArmShapeWithTheServerSetProperties() {
        String storage = "/subscriptions/" + SUB + "/resourceGroups/rg1/providers/microsoft.storage/storageaccounts/samain";
        SandboxHttp.Response r = http.put(ws("rg1", "Shape-ws"), MlFixture.body("East US", storage, deps.vault(), deps.insights(), null));
        assertEquals(202, r.status(), r.body());
        assertEquals("", r.body(), "Azure answers a create with no body");
        assertNull(r.header("Retry-After"), "Azure sends no Retry-After here");
        assertTrue(r.header("Azure-AsyncOperation").contains("/providers/Microsoft.MachineLearningServices/locations/eastus/"));
        assertNotNull(r.header("Location"));
        JsonObject w = http.get(ws("rg1", "shape-WS")).json();
        assertEquals("/subscriptions/" + SUB + "/resourceGroups/rg1/providers/Microsoft.MachineLearningServices/workspaces/Shape-ws",
                w.get("id").getAsString());
        assertEquals("Shape-ws", w.get("name").getAsString());
        assertEquals("Microsoft.MachineLearningServices/workspaces", w.get("type").getAsString());
        assertEquals("eastus", w.get("location").getAsString());
        assertEquals("Basic", w.getAsJsonObject("sku").get("name").getAsString());
        JsonObject identity = w.getAsJsonObject("identity");
        assertEquals("SystemAssigned", identity.get("type").getAsString());
        assertTrue(identity.get("principalId").getAsString().matches("[0-9a-f-]{36}"));
        assertEquals(SandboxSeed.TENANT_ID, identity.get("tenantId").getAsString());
        JsonObject sys = w.getAsJsonObject("systemData");
        assertTrue(sys.get("createdAt").getAsString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z"), sys.toString());
        assertEquals(SandboxSeed.ADMIN_USER, sys.get("createdBy").getAsString());
        JsonObject p = w.getAsJsonObject("properties");
        assertEquals("Succeeded", p.get("provisioningState").getAsString());
        assertTrue(p.get("workspaceId").getAsString().matches("[0-9a-f-]{36}"));
        assertEquals(storage, p.get("storageAccount").getAsString(), "dependency IDs are kept as the client sent them");
        assertEquals("Shape-ws", p.get("friendlyName").getAsString());
        assertEquals("", p.get("description").getAsString());
        assertFalse(p.get("hbiWorkspace").getAsBoolean());
        assertEquals("Enabled", p.get("publicNetworkAccess").getAsString());
        assertEquals("https://eastus.api.azureml.ms/discovery", p.get("discoveryUrl").getAsString());
        assertTrue(p.get("mlFlowTrackingUri").getAsString().startsWith("azureml://eastus.api.azureml.ms/mlflow/v1.0/subscriptions/"));
        assertEquals(SandboxSeed.TENANT_ID, p.get("tenantId").getAsString());
        assertEquals(0, p.get("privateLinkCount").getAsInt());
        assertFalse(p.get("storageHnsEnabled").getAsBoolean());
        assertFalse(p.get("v1LegacyMode").getAsBoolean());
        assertTrue(p.getAsJsonObject("notebookInfo").get("fqdn").getAsString().endsWith(".eastus.notebooks.azure.net"));
        assertFalse(p.has("containerRegistry"), "a registry is optional");

        SandboxHttp.Response again = http.put(ws("rg1", "SHAPE-WS"), MlFixture.body("eastus", storage, deps.vault(), deps.insights(), null)
                .replace("\"properties\":{", "\"properties\":{\"description\":\"second\","));
        assertEquals(200, again.status(), again.body());
        JsonObject w2 = again.json();
        assertEquals("second", w2.getAsJsonObject("properties").get("description").getAsString());
        assertEquals(p.get("workspaceId"), w2.getAsJsonObject("properties").get("workspaceId"));
        assertEquals(identity.get("principalId"), w2.getAsJsonObject("identity").get("principalId"));
        assertEquals(sys.get("createdAt"), w2.getAsJsonObject("systemData").get("createdAt"));
        assertEquals("SHAPE-WS", w2.get("name").getAsString(), "casing as last written");
    }

    @Test
    void namesFollowTheServicePattern() {
        for (String bad : new String[] {"ab", "-abc", "a.bc", "x".repeat(34)}) {
            SandboxHttp.Response r = http.put(ws("rg1", bad), deps.body("eastus"));
            assertEquals(400, r.status(), bad);
            assertEquals("InvalidResourceName", r.errorCode());
            assertTrue(r.errorMessage().contains("3 to 33 characters"), r.errorMessage());
        }
        assertEquals(202, http.put(ws("rg1", "ok_name-1" + "x".repeat(24)), deps.body("eastus")).status());
    }

    @Test
    void locationIsRequiredKnownAndFixed() {
        assertEquals("LocationRequired", http.put(ws("rg1", "noloc"), "{\"properties\":{}}").errorCode());
        SandboxHttp.Response moon = http.put(ws("rg1", "moonws"), deps.body("moon"));
        assertEquals(400, moon.status());
        assertEquals("LocationNotAvailableForResourceType", moon.errorCode());
        f.create("rg1", "fixedloc", deps);
        SandboxHttp.Response moved = http.put(ws("rg1", "fixedloc"), deps.body("westus"));
        assertEquals(409, moved.status());
        assertEquals("InvalidResourceLocation", moved.errorCode());
    }

    @Test
    void dependenciesMustBeGivenValidAndExist() {
        SandboxHttp.Response none = http.put(ws("rg1", "nostorage"), MlFixture.body("eastus", null, deps.vault(), deps.insights(), null));
        assertEquals(400, none.status());
        assertEquals("BadRequest", none.errorCode());
        assertTrue(none.errorMessage().contains("'storageAccount' is required"), none.errorMessage());
        assertEquals("properties.storageAccount", none.json().getAsJsonObject("error").get("target").getAsString());
        assertTrue(http.put(ws("rg1", "novault"), MlFixture.body("eastus", deps.storage(), null, deps.insights(), null))
                .errorMessage().contains("'keyVault' is required"));
        assertTrue(http.put(ws("rg1", "noinsights"), MlFixture.body("eastus", deps.storage(), deps.vault(), null, null))
                .errorMessage().contains("'applicationInsights' is required"));
        String ghost = MlFixture.rid("rg1", "Microsoft.Storage/storageAccounts", "ghost");
        SandboxHttp.Response missing = http.put(ws("rg1", "ghostws"), MlFixture.body("eastus", ghost, deps.vault(), deps.insights(), null));
        assertEquals("BadRequest", missing.errorCode());
        assertTrue(missing.errorMessage().contains("storage account '" + ghost + "' was not found"), missing.errorMessage());
        SandboxHttp.Response wrongType = http.put(ws("rg1", "wrongtype"),
                MlFixture.body("eastus", deps.vault(), deps.vault(), deps.insights(), null));
        assertTrue(wrongType.errorMessage().contains("not the ARM ID of a Microsoft.Storage/storageAccounts"), wrongType.errorMessage());
        String elsewhere = deps.storage().replace(SUB, SandboxSeed.UNREGISTERED_SUBSCRIPTION_ID);
        assertTrue(http.put(ws("rg1", "elsewhere"), MlFixture.body("eastus", elsewhere, deps.vault(), deps.insights(), null))
                .errorMessage().contains("must be in the workspace's subscription"));
        String ghostAcr = MlFixture.rid("rg1", "Microsoft.ContainerRegistry/registries", "ghostacr");
        assertTrue(http.put(ws("rg1", "ghostacr"), MlFixture.body("eastus", deps.storage(), deps.vault(), deps.insights(), ghostAcr))
                .errorMessage().contains("container registry '" + ghostAcr + "' was not found"));
        assertEquals(404, http.get(ws("rg1", "ghostws")).status(), "a refused create leaves nothing behind");
    }

    @Test
    void defaultStorageMustBeStandardWithBlobAndFileAndNoHns() {
        String premium = f.storage("rg1", "prem", "Premium_LRS", "StorageV2", false);
        String blob = f.storage("rg1", "blobonly", "Standard_LRS", "BlobStorage", false);
        String hns = f.storage("rg1", "adls", "Standard_LRS", "StorageV2", true);
        SandboxHttp.Response p = http.put(ws("rg1", "premws"), MlFixture.body("eastus", premium, deps.vault(), deps.insights(), null));
        assertEquals(400, p.status());
        assertTrue(p.errorMessage().contains("premium SKU 'Premium_LRS'"), p.errorMessage());
        assertTrue(http.put(ws("rg1", "blobws"), MlFixture.body("eastus", blob, deps.vault(), deps.insights(), null))
                .errorMessage().contains("kind 'BlobStorage'"));
        assertTrue(http.put(ws("rg1", "hnsws"), MlFixture.body("eastus", hns, deps.vault(), deps.insights(), null))
                .errorMessage().startsWith("Cannot use storage with HNS enabled"));
    }

    @Test
    void registryNeedsTheAdminUserAndAnAsciiGroupName() {
        String noAdmin = f.registry("rg1", "acrnoadmin", false);
        SandboxHttp.Response r = http.put(ws("rg1", "noadmin"), MlFixture.body("eastus", deps.storage(), deps.vault(), deps.insights(), noAdmin));
        assertEquals(400, r.status());
        assertTrue(r.errorMessage().contains("admin user is disabled"), r.errorMessage());
        String unicode = f.registry("grüppe", "acrunicode", true);
        SandboxHttp.Response u = http.put(ws("rg1", "unicodeacr"), MlFixture.body("eastus", deps.storage(), deps.vault(), deps.insights(), unicode));
        assertEquals(400, u.status());
        assertTrue(u.errorMessage().contains("resource group 'grüppe' has Unicode characters"), u.errorMessage());
    }

    @Test
    void storageKeyVaultAndHbiCannotChangeAfterCreate() {
        f.create("rg1", "immutable", deps);
        String other = f.storage("rg1", "saother");
        SandboxHttp.Response sa = http.put(ws("rg1", "immutable"), MlFixture.body("eastus", other, deps.vault(), deps.insights(), null));
        assertEquals(400, sa.status());
        assertTrue(sa.errorMessage().contains("'storageAccount' cannot be changed"), sa.errorMessage());
        String kv = f.vault("rg1", "kvother");
        assertTrue(http.put(ws("rg1", "immutable"), MlFixture.body("eastus", deps.storage(), kv, deps.insights(), null))
                .errorMessage().contains("'keyVault' cannot be changed"));
        SandboxHttp.Response hbi = http.put(ws("rg1", "immutable"), deps.body("eastus").replace("\"properties\":{", "\"properties\":{\"hbiWorkspace\":true,"));
        assertTrue(hbi.errorMessage().contains("'hbiWorkspace' cannot be changed"), hbi.errorMessage());
        String sameIdOtherCase = deps.storage().toUpperCase().replace("/SUBSCRIPTIONS/", "/subscriptions/");
        assertEquals(200, http.put(ws("rg1", "immutable"), MlFixture.body("eastus", deps.storage().replace("samain", "SAMAIN"),
                deps.vault(), deps.insights(), null)).status(), sameIdOtherCase);
        SandboxHttp.Response hbiNew = http.put(ws("rg1", "hbi-ws"), deps.body("eastus").replace("\"properties\":{", "\"properties\":{\"hbiWorkspace\":true,"));
        assertEquals(202, hbiNew.status(), hbiNew.body());
        assertTrue(http.get(ws("rg1", "hbi-ws")).json().getAsJsonObject("properties").get("hbiWorkspace").getAsBoolean());
    }

    @Test
    void patchMergesTheUpdatableProperties() {
        http.put(ws("rg1", "patchme"), deps.body("eastus").replace("{\"location\"", "{\"tags\":{\"a\":\"1\"},\"location\""));
        SandboxHttp.Response r = http.patch(ws("rg1", "patchme"), "{\"tags\":{\"b\":\"2\"},\"properties\":{\"description\":\"d\","
                + "\"friendlyName\":\"Friendly\",\"publicNetworkAccess\":\"Disabled\",\"v1LegacyMode\":true}}");
        assertEquals(200, r.status(), r.body());
        JsonObject w = r.json();
        assertEquals("{\"b\":\"2\"}", w.get("tags").toString());
        JsonObject p = w.getAsJsonObject("properties");
        assertEquals("d", p.get("description").getAsString());
        assertEquals("Friendly", p.get("friendlyName").getAsString());
        assertEquals("Disabled", p.get("publicNetworkAccess").getAsString());
        assertEquals(deps.storage(), p.get("storageAccount").getAsString());
        String acr = f.registry("rg1", "acrlater", true);
        assertEquals(acr, http.patch(ws("rg1", "patchme"), "{\"properties\":{\"containerRegistry\":\"" + acr + "\"}}")
                .json().getAsJsonObject("properties").get("containerRegistry").getAsString());
        String noAdmin = f.registry("rg1", "acrlocked", false);
        assertTrue(http.patch(ws("rg1", "patchme"), "{\"properties\":{\"containerRegistry\":\"" + noAdmin + "\"}}")
                .errorMessage().contains("admin user is disabled"));
        for (String field : new String[] {"storageAccount", "keyVault"}) {
            SandboxHttp.Response refused = http.patch(ws("rg1", "patchme"), "{\"properties\":{\"" + field + "\":\"" + deps.storage() + "\"}}");
            assertEquals(400, refused.status());
            assertTrue(refused.errorMessage().contains("'properties." + field + "' cannot be updated"), refused.errorMessage());
        }
        assertTrue(http.patch(ws("rg1", "patchme"), "{\"properties\":{\"hbiWorkspace\":true}}").errorMessage().contains("hbiWorkspace"));
        assertTrue(http.patch(ws("rg1", "patchme"), "{\"location\":\"westus\"}").errorMessage().contains("'location'"));
        assertEquals("ResourceNotFound", http.patch(ws("rg1", "nopatch"), "{\"tags\":{}}").errorCode());
    }

    @Test
    void getOfAMissingWorkspaceIsResourceNotFound() {
        SandboxHttp.Response r = http.get(ws("rg1", "nothere"));
        assertEquals(404, r.status());
        assertEquals("ResourceNotFound", r.errorCode());
        assertEquals("The Resource 'Microsoft.MachineLearningServices/workspaces/nothere' under resource group 'rg1' was not found."
                + " For more details please go to https://aka.ms/ARMResourceNotFoundFix", r.errorMessage());
    }

    @Test
    void anUnregisteredSubscriptionGetsMissingSubscriptionRegistration() {
        String unreg = SandboxSeed.UNREGISTERED_SUBSCRIPTION_ID;
        http.put("/subscriptions/" + unreg + "/resourcegroups/rgu", "{\"location\":\"eastus\"}");
        SandboxHttp.Response r = http.put(ws("rgu", "ws1").replace(SUB, unreg), deps.body("eastus"));
        assertEquals(409, r.status());
        assertEquals("MissingSubscriptionRegistration", r.errorCode());
        assertTrue(r.errorMessage().contains("'Microsoft.MachineLearningServices'"));
        assertNotEquals(200, http.get("/subscriptions/" + unreg + "/providers/Microsoft.MachineLearningServices/workspaces?api-version="
                + MlFixture.API).status());
    }
}
