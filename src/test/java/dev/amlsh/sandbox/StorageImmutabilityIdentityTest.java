package dev.amlsh.sandbox;

import static dev.amlsh.sandbox.MlFixture.SUB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Storage accounts refuse the account-level immutability policies Azure refuses
 * ({@code InvalidStorageAccountImmutabilityPolicy}) and keep the managed identity a client sets.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StorageImmutabilityIdentityTest {
    private static final String API = "?api-version=2023-01-01";
    private static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        http = MlFixture.shared().http;
        MlFixture.shared().group("worm-rg", "eastus");
    }

    @Test
    void invalidPoliciesAreRefusedAndNothingIsCreated() {
        String[][] cases = {
            {"wormoff", "{\"enabled\":false,\"immutabilityPolicy\":{\"immutabilityPeriodSinceCreationInDays\":1,\"state\":\"Unlocked\"}}"},
            {"wormlocked", "{\"enabled\":true,\"immutabilityPolicy\":{\"immutabilityPeriodSinceCreationInDays\":1,\"state\":\"Locked\"}}"},
            {"wormzero", "{\"enabled\":true,\"immutabilityPolicy\":{\"immutabilityPeriodSinceCreationInDays\":0,\"state\":\"Unlocked\"}}"},
            {"wormstate", "{\"enabled\":true,\"immutabilityPolicy\":{\"immutabilityPeriodSinceCreationInDays\":3,\"state\":\"Frozen\"}}"},
        };
        for (String[] c : cases) {
            SandboxHttp.Response r = http.put(sa(c[0]) + API, body(",\"properties\":{\"immutableStorageWithVersioning\":" + c[1] + "}"));
            assertEquals(400, r.status(), c[0] + ": " + r.body());
            assertEquals("InvalidStorageAccountImmutabilityPolicy", r.errorCode(), c[0]);
            assertEquals(404, http.get(sa(c[0]) + API).status(), c[0] + " must not be half-created");
        }
    }

    @Test
    void aPolicyIsLockedFromUnlockedThenOnlyExtended() {
        SandboxHttp.Response created = http.put(sa("wormok") + API, body(",\"properties\":{\"immutableStorageWithVersioning\":"
                + "{\"enabled\":true,\"immutabilityPolicy\":{\"immutabilityPeriodSinceCreationInDays\":2,\"state\":\"Unlocked\","
                + "\"allowProtectedAppendWrites\":false}}}"));
        assertEquals(202, created.status(), created.body());
        JsonObject worm = http.get(sa("wormok") + API).json().getAsJsonObject("properties").getAsJsonObject("immutableStorageWithVersioning");
        assertTrue(worm.get("enabled").getAsBoolean());
        assertEquals("Unlocked", worm.getAsJsonObject("immutabilityPolicy").get("state").getAsString());

        assertEquals(200, patch("wormok", "{\"immutabilityPolicy\":{\"state\":\"Locked\"}}").status());
        assertRefused(patch("wormok", "{\"immutabilityPolicy\":{\"state\":\"Unlocked\"}}"));
        assertEquals(200, patch("wormok", "{\"immutabilityPolicy\":{\"immutabilityPeriodSinceCreationInDays\":5}}").status());
        assertRefused(patch("wormok", "{\"immutabilityPolicy\":{\"immutabilityPeriodSinceCreationInDays\":3}}"));
        assertRefused(patch("wormok", "{\"enabled\":false}"));
        JsonObject policy = http.get(sa("wormok") + API).json().getAsJsonObject("properties")
                .getAsJsonObject("immutableStorageWithVersioning").getAsJsonObject("immutabilityPolicy");
        assertEquals("Locked", policy.get("state").getAsString());
        assertEquals(5, policy.get("immutabilityPeriodSinceCreationInDays").getAsInt());
    }

    @Test
    void theIdentityAClientSetsIsKeptAcrossUpdates() {
        assertEquals(202, http.put(sa("idsa") + API, body(",\"identity\":{\"type\":\"SystemAssigned\"}")).status());
        JsonObject identity = http.get(sa("idsa") + API).json().getAsJsonObject("identity");
        assertEquals("SystemAssigned", identity.get("type").getAsString());
        assertEquals(SandboxSeed.TENANT_ID, identity.get("tenantId").getAsString());
        String principal = identity.get("principalId").getAsString();
        SandboxHttp.Response tagged = http.patch(sa("idsa") + API, "{\"tags\":{\"a\":\"b\"}}");
        assertEquals(200, tagged.status(), tagged.body());
        assertEquals(principal, tagged.json().getAsJsonObject("identity").get("principalId").getAsString());

        assertEquals(202, http.put(sa("noidsa") + API, body("")).status());
        assertFalse(http.get(sa("noidsa") + API).json().has("identity"), "no identity member until one is set, as Azure");
        SandboxHttp.Response bad = http.patch(sa("noidsa") + API, "{\"identity\":{\"type\":\"Sometimes\"}}");
        assertEquals(400, bad.status(), bad.body());
        assertEquals("InvalidValuesForRequestParameters", bad.errorCode());
    }

    private static void assertRefused(SandboxHttp.Response r) {
        assertEquals(400, r.status(), r.body());
        assertEquals("InvalidStorageAccountImmutabilityPolicy", r.errorCode());
    }

    private static SandboxHttp.Response patch(String name, String worm) {
        return http.patch(sa(name) + API, "{\"properties\":{\"immutableStorageWithVersioning\":" + worm + "}}");
    }

    private static String body(String more) {
        return "{\"location\":\"eastus\",\"kind\":\"StorageV2\",\"sku\":{\"name\":\"Standard_LRS\"}" + more + "}";
    }

    private static String sa(String name) {
        return "/subscriptions/" + SUB + "/resourceGroups/worm-rg/providers/Microsoft.Storage/storageAccounts/" + name;
    }
}
