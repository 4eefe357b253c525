package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A container registry's managed identity over HTTPS: what ACR keeps and answers, as {@code az acr identity} drives it. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RegistryIdentityTest {
    private static final String SUB = SandboxSeed.SUBSCRIPTION_ID;
    private static final String API = "?api-version=2023-07-01";
    private static final String UAI = "/subscriptions/" + SUB + "/resourcegroups/id-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/";
    private static Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO));
        http = new SandboxHttp(sandbox);
        assertEquals(201, http.put("/subscriptions/" + SUB + "/resourcegroups/id-rg", "{\"location\":\"westus\"}").status());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String registry(String name) {
        return "/subscriptions/" + SUB + "/resourceGroups/id-rg/providers/Microsoft.ContainerRegistry/registries/" + name + API;
    }

    private static String withIdentity(String identity) {
        return "{\"location\":\"westus\",\"sku\":{\"name\":\"Premium\"},\"identity\":" + identity + "}";
    }

    @Test
    void noIdentityUntilOneIsAssignedThenBothKindsWithTheirIds() {
        assertEquals(201, http.put(registry("idreg1"), "{\"location\":\"westus\",\"sku\":{\"name\":\"Premium\"}}").status());
        assertFalse(http.get(registry("idreg1")).json().has("identity"), "a registry without identity has no identity member");

        SandboxHttp.Response both = http.patch(registry("idreg1"), "{\"identity\":{\"type\":\"SystemAssigned, UserAssigned\","
                + "\"userAssignedIdentities\":{\"" + UAI + "mi1\":{}}}}");
        assertEquals(201, both.status(), both.body());
        JsonObject id = http.get(registry("idreg1")).json().getAsJsonObject("identity");
        assertEquals("systemAssigned, userAssigned", id.get("type").getAsString());
        assertEquals(SandboxSeed.TENANT_ID, id.get("tenantId").getAsString());
        String principal = id.get("principalId").getAsString();
        JsonObject mi1 = id.getAsJsonObject("userAssignedIdentities").getAsJsonObject(UAI + "mi1");
        assertTrue(mi1.get("principalId").getAsString().matches("[0-9a-f-]{36}"), mi1.toString());
        assertTrue(mi1.get("clientId").getAsString().matches("[0-9a-f-]{36}"), mi1.toString());

        JsonObject added = http.patch(registry("idreg1"), "{\"identity\":{\"type\":\"SystemAssigned,UserAssigned\","
                + "\"userAssignedIdentities\":{\"" + UAI + "mi2\":{}}}}").json().getAsJsonObject("identity");
        assertEquals(principal, added.get("principalId").getAsString(), "the system-assigned principal is kept");
        assertEquals(2, added.getAsJsonObject("userAssignedIdentities").size(), "a PATCH adds user identities");
        assertEquals(mi1, added.getAsJsonObject("userAssignedIdentities").getAsJsonObject(UAI + "mi1"));

        JsonObject system = http.put(registry("idreg1"), withIdentity("{\"type\":\"SystemAssigned\"}")).json().getAsJsonObject("identity");
        assertEquals("systemAssigned", system.get("type").getAsString());
        assertFalse(system.has("userAssignedIdentities"));

        SandboxHttp.Response none = http.put(registry("idreg1"), withIdentity("{\"type\":\"None\"}"));
        assertEquals(201, none.status());
        assertFalse(none.json().has("identity"));
        assertFalse(http.get(registry("idreg1")).json().has("identity"));
        JsonObject again = http.patch(registry("idreg1"), "{\"identity\":{\"type\":\"SystemAssigned\"}}").json().getAsJsonObject("identity");
        assertNotEquals(principal, again.get("principalId").getAsString(), "a new system identity after None is a new principal");
    }

    @Test
    void theSameUserIdentityHasTheSameIdsOnEveryRegistry() {
        JsonObject a = http.put(registry("idreg2"), withIdentity("{\"type\":\"UserAssigned\",\"userAssignedIdentities\":{\""
                + UAI + "shared\":{}}}")).json().getAsJsonObject("identity");
        JsonObject b = http.put(registry("idreg3"), withIdentity("{\"type\":\"userassigned\",\"userAssignedIdentities\":{\""
                + UAI.toUpperCase().replace("SUBSCRIPTIONS", "subscriptions") + "shared\":{}}}")).json().getAsJsonObject("identity");
        assertEquals("userAssigned", a.get("type").getAsString());
        assertFalse(a.has("principalId"), "a user-assigned-only identity has no principal of its own");
        String aIds = a.getAsJsonObject("userAssignedIdentities").entrySet().iterator().next().getValue().toString();
        String bIds = b.getAsJsonObject("userAssignedIdentities").entrySet().iterator().next().getValue().toString();
        assertEquals(aIds, bIds);
    }

    @Test
    void badIdentitiesAreRefusedAndChangeNothing() {
        http.put(registry("idreg4"), "{\"location\":\"westus\",\"sku\":{\"name\":\"Basic\"}}");
        SandboxHttp.Response badType = http.patch(registry("idreg4"), "{\"identity\":{\"type\":\"Everything\"}}");
        assertEquals(400, badType.status());
        assertTrue(badType.errorMessage().contains("'Everything'"), badType.errorMessage());
        SandboxHttp.Response noUsers = http.patch(registry("idreg4"), "{\"identity\":{\"type\":\"UserAssigned\"}}");
        assertEquals(400, noUsers.status());
        SandboxHttp.Response notAnIdentity = http.patch(registry("idreg4"), "{\"identity\":{\"type\":\"UserAssigned\","
                + "\"userAssignedIdentities\":{\"/subscriptions/" + SUB + "/resourceGroups/id-rg\":{}}}}");
        assertEquals(400, notAnIdentity.status());
        assertFalse(http.get(registry("idreg4")).json().has("identity"));
    }
}
