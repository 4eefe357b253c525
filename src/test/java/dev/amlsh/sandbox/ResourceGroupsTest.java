package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResourceGroupsTest {
    private static final String SUB = SandboxSeed.SUBSCRIPTION_ID;
    private static final String GROUPS = "/subscriptions/" + SUB + "/resourcegroups/";
    private static Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO));
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void putCreatesWith201ThenUpdatesWith200InTheArmShape() {
        SandboxHttp.Response created = http.put(GROUPS + "my-resource-group", "{\"location\":\"eastus\"}");
        assertEquals(201, created.status());
        JsonObject g = created.json();
        assertEquals("/subscriptions/" + SUB + "/resourceGroups/my-resource-group", g.get("id").getAsString());
        assertEquals("my-resource-group", g.get("name").getAsString());
        assertEquals("Microsoft.Resources/resourceGroups", g.get("type").getAsString());
        assertEquals("eastus", g.get("location").getAsString());
        assertEquals("Succeeded", g.getAsJsonObject("properties").get("provisioningState").getAsString());
        assertEquals(200, http.put(GROUPS + "my-resource-group", "{\"location\":\"East US\"}").status());
    }

    @Test
    void namesAreCaseInsensitiveAndKeepTheLastWrittenCasing() {
        http.put(GROUPS + "CaseGroup", "{\"location\":\"westeurope\"}");
        assertEquals("CaseGroup", http.get(GROUPS + "casegroup").json().get("name").getAsString());
        assertEquals(200, http.put(GROUPS + "CASEGROUP", "{\"location\":\"westeurope\"}").status());
        JsonObject g = http.get(GROUPS + "casegroup").json();
        assertEquals("CASEGROUP", g.get("name").getAsString());
        assertTrue(g.get("id").getAsString().endsWith("/resourceGroups/CASEGROUP"));
    }

    @Test
    void headAnswers204Or404WithoutBody() {
        http.put(GROUPS + "head-rg", "{\"location\":\"eastus\"}");
        SandboxHttp.Response yes = http.head(GROUPS + "HEAD-RG");
        assertEquals(204, yes.status());
        assertEquals("", yes.body());
        assertEquals(404, http.head(GROUPS + "no-such-rg").status());
    }

    @Test
    void createRulesUseTheRealErrorCodes() {
        assertEquals("LocationRequired", http.put(GROUPS + "no-loc", "{}").errorCode());
        SandboxHttp.Response unknown = http.put(GROUPS + "bad-loc", "{\"location\":\"moon\"}");
        assertEquals(400, unknown.status());
        assertEquals("LocationNotAvailableForResourceGroup", unknown.errorCode());
        SandboxHttp.Response chars = http.put(GROUPS + "bad%20name!", "{\"location\":\"eastus\"}");
        assertEquals("InvalidResourceGroup", chars.errorCode());
        assertTrue(chars.errorMessage().contains("has these invalid characters: ' !'"), chars.errorMessage());
        assertEquals("InvalidResourceGroup", http.put(GROUPS + "ends.", "{\"location\":\"eastus\"}").errorCode());
        assertEquals("InvalidResourceGroup", http.put(GROUPS + "x".repeat(91), "{\"location\":\"eastus\"}").errorCode());
        assertEquals(201, http.put(GROUPS + "ok_(1).grp-" + "x".repeat(79), "{\"location\":\"eastus\"}").status());
        http.put(GROUPS + "stay-put", "{\"location\":\"eastus\"}");
        SandboxHttp.Response moved = http.put(GROUPS + "stay-put", "{\"location\":\"westus\"}");
        assertEquals(409, moved.status());
        assertEquals("InvalidResourceGroupLocation", moved.errorCode());
        assertEquals("Invalid resource group location 'westus'. The Resource group already exists in location 'eastus'.",
                moved.errorMessage());
    }

    @Test
    void patchReplacesTheTagMapWholesale() {
        http.put(GROUPS + "tagged", "{\"location\":\"eastus\",\"tags\":{\"a\":\"1\",\"b\":\"2\"}}");
        SandboxHttp.Response r = http.patch(GROUPS + "tagged", "{\"tags\":{\"c\":\"3\"}}");
        assertEquals(200, r.status());
        JsonObject tags = r.json().getAsJsonObject("tags");
        assertEquals(Set.of("c"), tags.keySet());
        assertEquals("eastus", r.json().get("location").getAsString());
        assertNull(http.patch(GROUPS + "tagged", "{\"tags\":null}").json().get("tags"));
        assertEquals("ResourceGroupNotFound", http.patch(GROUPS + "missing-rg", "{\"tags\":{}}").errorCode());
    }

    @Test
    void listPagesWithNextLinkAndFiltersByTag() {
        String sub = SandboxSeed.UNREGISTERED_SUBSCRIPTION_ID;
        for (int i = 0; i < 105; i++) {
            String tags = i % 10 == 0 ? ",\"tags\":{\"Env\":\"" + (i % 20 == 0 ? "prod" : "dev") + "\"}" : "";
            assertEquals(201, http.put("/subscriptions/" + sub + "/resourcegroups/page-" + i, "{\"location\":\"eastus\"" + tags + "}").status());
        }
        Set<String> names = new HashSet<>();
        SandboxHttp.Response page = http.get("/subscriptions/" + sub + "/resourcegroups");
        int pages = 0;
        while (true) {
            pages++;
            JsonArray values = page.json().getAsJsonArray("value");
            values.forEach(v -> names.add(v.getAsJsonObject().get("name").getAsString()));
            if (!page.json().has("nextLink")) {
                break;
            }
            String next = page.json().get("nextLink").getAsString();
            assertTrue(next.startsWith(sandbox.endpoint().toString()) && next.contains("$skiptoken="), next);
            page = http.send("GET", next.substring(sandbox.endpoint().toString().length() - 1), null);
        }
        assertEquals(2, pages);
        assertEquals(105, names.size());
        SandboxHttp.Response top = http.get("/subscriptions/" + sub + "/resourcegroups?api-version=2025-04-01&$top=7");
        assertEquals(7, top.json().getAsJsonArray("value").size());
        assertTrue(top.json().get("nextLink").getAsString().contains("%24top=7") || top.json().get("nextLink").getAsString().contains("$top=7"));
        String filter = "/subscriptions/" + sub + "/resourcegroups?api-version=2025-04-01&$filter=";
        assertEquals(11, http.get(filter + "tagName%20eq%20'env'").json().getAsJsonArray("value").size());
        JsonArray prod = http.get(filter + "tagName%20eq%20'Env'%20and%20tagValue%20eq%20'prod'").json().getAsJsonArray("value");
        assertEquals(6, prod.size());
        assertEquals("InvalidFilterInQueryString", http.get(filter + "name%20eq%20'x'").errorCode());
    }

    @Test
    void deleteIsALongRunningOperationThatCascades() {
        http.put(GROUPS + "doomed", "{\"location\":\"northeurope\"}");
        String rgId = "/subscriptions/" + SUB + "/resourceGroups/doomed";
        String saId = rgId + "/providers/Microsoft.Storage/storageAccounts/sa1";
        JsonObject sa = new JsonObject();
        sa.addProperty("id", saId);
        sandbox.store().put(saId, sa);
        sandbox.store().put("/subscriptions/" + SUB + "/resourceGroups/doomed2/providers/Microsoft.Storage/storageAccounts/sa2", sa);
        SandboxHttp.Response r = http.delete(GROUPS + "DOOMED");
        assertEquals(202, r.status());
        String location = r.header("Location");
        assertTrue(location.startsWith(sandbox.endpoint() + "subscriptions/" + SUB + "/providers/Microsoft.Resources/locations/northeurope/operationResults/"), location);
        assertTrue(r.header("Azure-AsyncOperation").contains("/operationStatuses/"));
        assertEquals("0", r.header("Retry-After"));
        assertEquals(404, http.get(GROUPS + "doomed").status());
        assertFalse(sandbox.store().get(saId).isPresent());
        assertTrue(sandbox.store().get("/subscriptions/" + SUB + "/resourceGroups/doomed2/providers/Microsoft.Storage/storageAccounts/sa2")
                .isPresent(), "a group whose name merely starts the same survives");
        assertEquals(200, http.send("GET", location.substring(sandbox.endpoint().toString().length() - 1), null).status());
        String status = r.header("Azure-AsyncOperation").substring(sandbox.endpoint().toString().length() - 1);
        assertEquals("Succeeded", http.send("GET", status, null).json().get("status").getAsString());
        SandboxHttp.Response again = http.delete(GROUPS + "doomed");
        assertEquals(404, again.status());
        assertEquals("ResourceGroupNotFound", again.errorCode());
    }
}
