package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ARM's own API (groups, subscriptions, tenants, locations, providers, listings, its operation URLs)
 * and the providers' child types serve Azure's versions only, refuse others as ARM does, and older
 * versions answer in their own shape.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ArmApiVersionsTest {
    private static final String SUB = "/subscriptions/" + SandboxSeed.SUBSCRIPTION_ID;
    private static final String ARM_VERSIONS = "'2026-06-01,2025-04-01,2025-03-01,2024-10-01-preview,2024-11-01,";
    private static MlFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = MlFixture.shared();
        f.group("armv-rg", "eastus");
    }

    private static void refusedByArm(String path) {
        SandboxHttp.Response r = f.http.get(path + (path.contains("?") ? "&" : "?") + "api-version=2099-01-01");
        assertEquals(400, r.status(), path + " " + r.body());
        assertEquals("InvalidApiVersionParameter", r.errorCode(), path);
        String m = r.errorMessage();
        assertTrue(m.startsWith("The api-version '2099-01-01' is invalid. The supported versions are " + ARM_VERSIONS), m);
        assertTrue(m.contains(",2022-12-01,") && m.contains(",2021-04-01,") && m.contains(",2015-11-01,"), m);
        assertTrue(m.endsWith(",2013-03-01,2014-02-26,2014-04'."), m);
    }

    @Test
    void armsOwnApiRefusesAVersionItDoesNotServeNamingItsVersions() {
        refusedByArm(SUB + "/resourcegroups/armv-rg");
        refusedByArm(SUB + "/resourcegroups");
        refusedByArm(SUB + "/resourcegroups/armv-rg/resources");
        refusedByArm(SUB);
        refusedByArm("/subscriptions");
        refusedByArm("/tenants");
        refusedByArm(SUB + "/locations");
        refusedByArm(SUB + "/resources");
        refusedByArm(SUB + "/providers");
        refusedByArm(SUB + "/providers/Microsoft.Storage");
        SandboxHttp.Response put = f.http.put(SUB + "/resourcegroups/armv-new?api-version=2023-01-01", "{\"location\":\"eastus\"}");
        assertEquals("InvalidApiVersionParameter", put.errorCode(), put.body());
        assertEquals(404, f.http.get(SUB + "/resourcegroups/armv-new?api-version=2025-04-01").status(), "a refused PUT creates nothing");
    }

    @Test
    void armsOwnApiServesTheVersionsClientsSend() {
        // the Java SDK (2025-04-01, 2022-12-01), the Azure CLI 2.45 (2021-04-01, 2019-11-01, 2022-09-01), recordings (2015-11-01, 2020-06-01)
        for (String v : new String[] {"2025-04-01", "2022-12-01", "2021-04-01", "2019-11-01", "2022-09-01", "2020-06-01", "2016-06-01"}) {
            assertEquals(200, f.http.get(SUB + "/resourcegroups/armv-rg?api-version=" + v).status(), v);
            assertEquals(200, f.http.get("/subscriptions?api-version=" + v).status(), v);
        }
        assertEquals(200, f.http.get(SUB + "/resources?api-version=2015-11-01").status());
        assertEquals(200, f.http.get(SUB + "/locations?api-version=2022-12-01").status());
    }

    @Test
    void theOperationUrlsTheSandboxHandsOutKeepAnswering() {
        f.group("armv-gone", "eastus");
        SandboxHttp.Response delete = f.http.delete(SUB + "/resourcegroups/armv-gone?api-version=2022-09-01");
        assertEquals(202, delete.status(), delete.body());
        String location = delete.header("Location");
        assertTrue(location.endsWith("?api-version=2022-09-01"), location);
        String path = location.substring(location.indexOf("/subscriptions/"));
        assertEquals(200, f.http.get(path).status());
        SandboxHttp.Response bad = f.http.get(path.replace("2022-09-01", "2099-01-01"));
        assertEquals(400, bad.status(), bad.body());
        assertEquals("InvalidApiVersionParameter", bad.errorCode());
    }

    @Test
    void childTypesServeTheirProvidersVersionsOnly() {
        SandboxHttp.Response deleted = f.http.get(SUB + "/providers/Microsoft.KeyVault/deletedVaults?api-version=2099-01-01");
        assertEquals(404, deleted.status(), deleted.body());
        assertEquals("InvalidResourceType", deleted.errorCode());
        assertEquals("The resource type 'deletedVaults' could not be found in the namespace 'Microsoft.KeyVault' for api version "
                + "'2099-01-01'. The supported api-versions are '2025-05-01,2024-12-01-preview,2024-11-01,",
                deleted.errorMessage().substring(0, deleted.errorMessage().indexOf("2024-04-01-preview")));
        assertTrue(deleted.errorMessage().endsWith(",2016-10-01,2015-06-01'."), deleted.errorMessage());
        assertEquals(200, f.http.get(SUB + "/providers/Microsoft.KeyVault/deletedVaults?api-version=2023-02-01").status());
        SandboxHttp.Response status = f.http.get(SUB + "/providers/Microsoft.Storage/locations/eastus/asyncoperations/nope?api-version=2019-01-01");
        assertEquals("InvalidResourceType", status.errorCode(), status.body());
        assertTrue(status.errorMessage().startsWith("The resource type 'locations/asyncoperations' could not be found"), status.errorMessage());
        SandboxHttp.Response check = f.http.post(SUB + "/providers/Microsoft.Storage/checkNameAvailability?api-version=2099-01-01",
                "{\"name\":\"armvname1\",\"type\":\"Microsoft.Storage/storageAccounts\"}");
        assertEquals("InvalidResourceType", check.errorCode(), check.body());
        SandboxHttp.Response rules = f.http.get(MlFixture.rid("armv-rg", "Microsoft.MachineLearningServices/workspaces", "none")
                + "/outboundRules?api-version=2099-01-01");
        assertEquals("InvalidResourceType", rules.errorCode(), rules.body());
        assertTrue(rules.errorMessage().contains("'workspaces/outboundRules'") && rules.errorMessage().contains("2024-04-01"),
                rules.errorMessage());
    }

    @Test
    void theProviderListAdvertisesWhatIsServed() {
        JsonObject resources = f.http.get(SUB + "/providers/Microsoft.Resources?api-version=2021-04-01").json();
        assertEquals("2026-06-01", versions(resources, "resourceGroups").get(0).getAsString());
        assertEquals("2014-04", versions(resources, "subscriptions").get(versions(resources, "subscriptions").size() - 1).getAsString());
        JsonObject kv = f.http.get(SUB + "/providers/Microsoft.KeyVault?api-version=2021-04-01").json();
        assertEquals(versions(kv, "vaults"), versions(kv, "deletedVaults"));
        assertTrue(versions(kv, "locations/operationResults").toString().contains("\"2023-02-01\""));
    }

    private static com.google.gson.JsonArray versions(JsonObject provider, String type) {
        for (JsonElement t : provider.getAsJsonArray("resourceTypes")) {
            if (t.getAsJsonObject().get("resourceType").getAsString().equals(type)) {
                return t.getAsJsonObject().getAsJsonArray("apiVersions");
            }
        }
        throw new AssertionError("no " + type + " in " + provider);
    }

    @Test
    void aWorkspaceAnswersInTheShapeOfTheVersionAsked() {
        String sa = f.storage("armv-rg", "armvsa1");
        String body = MlFixture.body("eastus", sa, f.vault("armv-rg", "armvkv1"), f.insights("armv-rg", "armvai1"), null);
        SandboxHttp.Response put = f.http.put(MlFixture.ws("armv-rg", "armvws1"), body);
        assertTrue(put.status() == 200 || put.status() == 201 || put.status() == 202, put.body());
        String ws = MlFixture.rid("armv-rg", "Microsoft.MachineLearningServices/workspaces", "armvws1");
        JsonObject now = f.http.get(ws + "?api-version=2024-04-01").json();
        assertTrue(now.has("etag"));
        for (String key : new String[] {"creationTime", "softDeleteEnabled", "networkAcls", "ipAllowlist", "serverlessComputeSettings"}) {
            assertTrue(now.getAsJsonObject("properties").has(key), key);
        }
        JsonObject older = f.http.get(ws + "?api-version=2023-10-01").json();
        assertFalse(older.has("etag"), older.toString());
        for (String key : new String[] {"creationTime", "softDeleteEnabled", "networkAcls", "ipAllowlist", "serverlessComputeSettings",
                "enableDataIsolation"}) {
            assertFalse(older.getAsJsonObject("properties").has(key), key);
        }
        JsonObject preview = f.http.get(ws + "?api-version=2023-08-01-preview").json();
        assertTrue(preview.getAsJsonObject("properties").has("serverlessComputeSettings"), "a preview answers in the newest shape");
        assertEquals(now.getAsJsonObject("properties").get("storageAccount"), older.getAsJsonObject("properties").get("storageAccount"));
        JsonObject list = f.http.get(MlFixture.rid("armv-rg", "Microsoft.MachineLearningServices/workspaces", "")
                .replaceAll("/$", "") + "?api-version=2023-10-01").json();
        JsonObject first = list.getAsJsonArray("value").get(0).getAsJsonObject();
        assertFalse(first.getAsJsonObject("properties").has("softDeleteEnabled"), first.toString());
        assertTrue(f.http.get(ws + "?api-version=2024-04-01").json().getAsJsonObject("properties").has("softDeleteEnabled"),
                "an older read changes nothing stored");
    }

    @Test
    void aStorageAccountSaysIsHnsEnabledFromTheVersionThatHasIt() {
        String account = MlFixture.rid("armv-rg", "Microsoft.Storage/storageAccounts", "armvhns1");
        SandboxHttp.Response put = f.http.put(account + "?api-version=2023-01-01", "{\"location\":\"eastus\",\"kind\":\"StorageV2\","
                + "\"sku\":{\"name\":\"Standard_LRS\"},\"properties\":{\"isHnsEnabled\":true}}");
        assertTrue(put.status() < 300, put.body());
        assertTrue(f.http.get(account + "?api-version=2018-07-01").json().getAsJsonObject("properties").get("isHnsEnabled").getAsBoolean());
        assertTrue(f.http.get(account + "?api-version=2018-03-01-preview").json().getAsJsonObject("properties").has("isHnsEnabled"));
        JsonObject old = f.http.get(account + "?api-version=2018-02-01").json();
        assertFalse(old.getAsJsonObject("properties").has("isHnsEnabled"), old.toString());
    }
}
