package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each tracked type serves Azure's api-versions only, and the provider list advertises exactly those. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ApiVersionsTest {
    private static final String SUB = SandboxSeed.SUBSCRIPTION_ID;
    private static final String GROUP = "/subscriptions/" + SUB + "/resourcegroups/apiv-rg";
    private static Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO));
        http = new SandboxHttp(sandbox);
        http.put(GROUP, "{\"location\":\"southcentralus\"}");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aVersionAzureDoesNotServeIsRefusedNamingTheSupportedOnes() {
        String account = GROUP + "/providers/Microsoft.Storage/storageAccounts/apivstore1";
        SandboxHttp.Response put = http.put(account + "?api-version=2099-01-01",
                "{\"location\":\"eastus\",\"sku\":{\"name\":\"Standard_LRS\"},\"kind\":\"StorageV2\"}");
        assertEquals(400, put.status(), put.body());
        assertEquals("NoRegisteredProviderFound", put.errorCode());
        assertTrue(put.errorMessage().contains("The supported api-versions are '2025-06-01, 2025-01-01"), put.errorMessage());
        SandboxHttp.Response get = http.get(GROUP + "/providers/Microsoft.KeyVault/vaults/x?api-version=2019-01-01");
        assertEquals(404, get.status(), "Azure answers an unserved version of a type 404 InvalidResourceType");
        assertEquals("InvalidResourceType", get.errorCode());
        assertTrue(get.errorMessage().contains("2023-07-01"), get.errorMessage());
    }

    @Test
    void theVersionsAzureServesAreAccepted() {
        for (String v : new String[] {"2023-01-01", "2021-04-01", "2025-06-01"}) {
            assertEquals(404, http.get(GROUP + "/providers/Microsoft.Storage/storageAccounts/none?api-version=" + v).status(), v);
        }
        assertEquals(404, http.get(GROUP + "/providers/Microsoft.MachineLearningServices/workspaces/none?api-version=2024-04-01")
                .status());
    }

    @Test
    void theProviderListAdvertisesExactlyTheServedVersions() {
        JsonObject ns = http.get("/subscriptions/" + SUB + "/providers/Microsoft.ContainerRegistry?api-version=2021-04-01").json();
        for (JsonElement t : ns.getAsJsonArray("resourceTypes")) {
            JsonObject type = t.getAsJsonObject();
            if (type.get("resourceType").getAsString().equals("registries")) {
                assertEquals("2025-11-01", type.getAsJsonArray("apiVersions").get(0).getAsString());
                assertTrue(type.getAsJsonArray("apiVersions").toString().contains("\"2022-02-01-preview\""));
                return;
            }
        }
        throw new AssertionError("no registries type in " + ns);
    }
}
