package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /subscriptions/{s}[/resourceGroups/{g}]/resources}: ARM's generic listing, paged and filtered by type. */
class GenericResourcesTest {
    private static final String SUB = SandboxSeed.SUBSCRIPTION_ID;
    private static final String RG = "/subscriptions/" + SUB + "/resourceGroups/";
    private static Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO));
        http = new SandboxHttp(sandbox);
        http.put(RG + "list-a", "{\"location\":\"eastus\"}");
        http.put(RG + "list-b", "{\"location\":\"eastus\"}");
        for (int i = 0; i < 120; i++) {
            Plant.resource(sandbox, RG + "list-a/providers/Microsoft.Storage/storageAccounts/sa" + i);
        }
        Plant.resource(sandbox, RG + "list-a/providers/Microsoft.KeyVault/vaults/kv1");
        Plant.resource(sandbox, RG + "list-b/providers/Microsoft.MachineLearningServices/workspaces/ws1");
        Plant.resource(sandbox, RG + "list-b/providers/Microsoft.MachineLearningServices/workspaces/ws1/computes/c1");
        Plant.resource(sandbox, RG + "list-b/providers/Microsoft.Authorization/roleAssignments/ra1");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void subscriptionListingPagesThroughEveryTopLevelResourceInTheGenericShape() {
        List<JsonObject> all = pages("/subscriptions/" + SUB + "/resources?api-version=2021-04-01");
        assertEquals(122, all.size(), "120 accounts, a vault and a workspace; no child or extension resources");
        JsonObject ws = all.stream().filter(r -> r.get("name").getAsString().equals("ws1")).findFirst().orElseThrow();
        assertEquals(RG + "list-b/providers/Microsoft.MachineLearningServices/workspaces/ws1", ws.get("id").getAsString());
        assertEquals("Microsoft.MachineLearningServices/workspaces", ws.get("type").getAsString());
        assertEquals("eastus", ws.get("location").getAsString());
        assertNull(ws.get("properties"), "Resources_List leaves properties out");
    }

    @Test
    void groupListingAndTypeFilter() {
        List<JsonObject> inB = pages(RG + "LIST-B/resources?api-version=2021-04-01");
        assertEquals(List.of("ws1"), inB.stream().map(r -> r.get("name").getAsString()).toList());
        String filter = URLEncoder.encode("resourceType eq 'Microsoft.KeyVault/vaults'", StandardCharsets.UTF_8).replace("+", "%20");
        List<JsonObject> vaults = pages("/subscriptions/" + SUB + "/resources?api-version=2021-04-01&$filter=" + filter);
        assertEquals(List.of("kv1"), vaults.stream().map(r -> r.get("name").getAsString()).toList());
    }

    @Test
    void aResourcesIdentityIsListedAndSystemDataOnlyAtTheVersionsThatHaveIt() {
        // in the other subscription, so that the counts of the first one stay as they are
        String group = "/subscriptions/" + SandboxSeed.UNREGISTERED_SUBSCRIPTION_ID + "/resourceGroups/list-c";
        String id = group + "/providers/Microsoft.ContainerRegistry/registries/withid";
        assertEquals(201, http.put(group, "{\"location\":\"eastus\"}").status());
        JsonObject doc = com.google.gson.JsonParser.parseString("{\"id\":\"" + id + "\",\"name\":\"withid\",\"type\":\"Microsoft.ContainerRegistry/registries\","
                + "\"location\":\"eastus\",\"identity\":{\"type\":\"SystemAssigned\",\"principalId\":\"p\",\"tenantId\":\"t\"},"
                + "\"systemData\":{\"createdBy\":\"admin\",\"createdAt\":\"2025-01-01T00:00:00Z\"},\"properties\":{}}").getAsJsonObject();
        sandbox.store().put(id, doc); // as a provider that keeps the identity a client set stores it
        JsonObject now = pages(group + "/resources?api-version=2022-09-01").get(0);
        assertEquals("SystemAssigned", now.getAsJsonObject("identity").get("type").getAsString());
        assertTrue(now.has("systemData"), "2022-09-01 lists systemData (recorded)");
        JsonObject old = pages(group + "/resources?api-version=2015-11-01").get(0);
        assertEquals("SystemAssigned", old.getAsJsonObject("identity").get("type").getAsString());
        assertFalse(old.has("systemData"), "2015-11-01 leaves it out (recorded)");
    }

    @Test
    void missingGroupAndBadFilterAreArmErrors() {
        SandboxHttp.Response missing = http.get(RG + "nope/resources");
        assertEquals(404, missing.status());
        assertEquals("ResourceGroupNotFound", missing.errorCode());
        SandboxHttp.Response bad = http.get("/subscriptions/" + SUB + "/resources?api-version=2021-04-01&$filter=sku%20eq%20'x'");
        assertEquals(400, bad.status());
        assertEquals("InvalidFilterInQueryString", bad.errorCode());
    }

    @Test
    void graphUsersListsTheTenantsUsersOnly() {
        JsonArray users = http.get("/graph/v1.0/users").json().getAsJsonArray("value");
        List<String> upns = new ArrayList<>();
        users.forEach(u -> upns.add(u.getAsJsonObject().get("userPrincipalName").getAsString()));
        assertTrue(upns.contains("alice@sandbox.amlsh"), upns.toString());
        assertFalse(upns.stream().anyMatch(u -> u.contains("amlsh-ci")), "no service principals: " + upns);
        assertEquals(401, http.raw("GET", "graph/v1.0/users", null, java.util.Map.of()).status());
    }

    private static List<JsonObject> pages(String first) {
        List<JsonObject> out = new ArrayList<>();
        String next = first;
        int pages = 0;
        while (next != null) {
            SandboxHttp.Response r = next.startsWith("http") ? http.raw("GET", next.substring(sandbox.endpoint().toString().length()),
                    null, java.util.Map.of("Authorization", "Bearer " + http.token())) : http.get(next);
            assertEquals(200, r.status(), r.body());
            JsonObject page = r.json();
            for (JsonElement e : page.getAsJsonArray("value")) {
                out.add(e.getAsJsonObject());
            }
            next = page.has("nextLink") ? page.get("nextLink").getAsString() : null;
            pages++;
        }
        assertTrue(out.size() <= 100 || pages > 1, "pages of at most 100");
        return out;
    }
}
