package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Application Insights components' API keys ({@code components/{name}/ApiKeys}, as the
 * application-insights CLI extension drives them) and the rules of linking a component to a Log
 * Analytics workspace, over HTTPS.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class InsightsApiKeysTest {
    private static final String SUB = SandboxSeed.SUBSCRIPTION_ID;
    private static final String WEB = "{\"location\":\"westus\",\"kind\":\"web\",\"properties\":{\"Application_Type\":\"web\"}}";
    private static Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO));
        http = new SandboxHttp(sandbox);
        assertEquals(201, http.put("/subscriptions/" + SUB + "/resourcegroups/keys-rg", "{\"location\":\"westus\"}").status());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String component(String name) {
        return "/subscriptions/" + SUB + "/resourceGroups/keys-rg/providers/Microsoft.Insights/components/" + name;
    }

    private static String keyBody(String name, String component) {
        String rights = "/subscriptions/" + SUB + "/resourceGroups/keys-rg/providers/microsoft.insights/components/" + component;
        return "{\"name\":\"" + name + "\",\"linkedReadProperties\":[\"" + rights + "/api\",\"" + rights + "/agentconfig\"],"
                + "\"linkedWriteProperties\":[]}";
    }

    @Test
    void createShowsTheSecretOnceThenListGetAndDeleteDoNot() {
        assertEquals(200, http.put(component("keyed") + "?api-version=2020-02-02", WEB).status());
        SandboxHttp.Response created = http.post(component("keyed") + "/ApiKeys?api-version=2015-05-01", keyBody("demoKey", "keyed"));
        assertEquals(200, created.status(), created.body());
        JsonObject key = created.json();
        assertEquals("demoKey", key.get("name").getAsString());
        assertTrue(key.get("apiKey").getAsString().matches("[a-z0-9]{40}"), key.toString());
        assertTrue(key.get("id").getAsString().matches("(?i)/subscriptions/" + SUB
                + "/resourcegroups/keys-rg/providers/microsoft.insights/components/keyed/apikeys/[0-9a-f-]{36}"), key.toString());
        assertEquals(2, key.getAsJsonArray("linkedReadProperties").size());
        assertEquals(0, key.getAsJsonArray("linkedWriteProperties").size());
        assertTrue(key.get("createdDate").getAsString().matches("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT"),
                key.toString());
        assertEquals(JsonNull.INSTANCE, key.get("integrationType"));
        String keyId = key.get("id").getAsString().replaceAll(".*/", "");

        JsonArray listed = http.get(component("keyed") + "/ApiKeys?api-version=2015-05-01").json().getAsJsonArray("value");
        assertEquals(1, listed.size());
        assertEquals("demoKey", listed.get(0).getAsJsonObject().get("name").getAsString());
        assertFalse(listed.get(0).getAsJsonObject().has("apiKey"), "the secret is shown only when the key is created");
        assertEquals("demoKey", http.get(component("keyed") + "/ApiKeys/" + keyId + "?api-version=2015-05-01").json()
                .get("name").getAsString());

        SandboxHttp.Response deleted = http.delete(component("keyed") + "/ApiKeys/" + keyId + "?api-version=2015-05-01");
        assertEquals(200, deleted.status(), deleted.body());
        assertEquals("demoKey", deleted.json().get("name").getAsString());
        assertEquals(0, http.get(component("keyed") + "/ApiKeys?api-version=2015-05-01").json().getAsJsonArray("value").size());
        assertEquals(404, http.get(component("keyed") + "/ApiKeys/" + keyId + "?api-version=2015-05-01").status());
    }

    @Test
    void keysNeedAComponentANameAndARightAndGoWithTheComponent() {
        SandboxHttp.Response orphan = http.post(component("nowhere") + "/ApiKeys?api-version=2015-05-01", keyBody("k", "nowhere"));
        assertEquals(404, orphan.status());
        assertEquals("ResourceNotFound", orphan.errorCode());
        http.put(component("strict") + "?api-version=2020-02-02", WEB);
        assertEquals(400, http.post(component("strict") + "/ApiKeys?api-version=2015-05-01", "{\"linkedReadProperties\":[\"x\"]}").status());
        assertEquals(400, http.post(component("strict") + "/ApiKeys?api-version=2015-05-01",
                "{\"name\":\"k\",\"linkedReadProperties\":[],\"linkedWriteProperties\":[]}").status());
        assertEquals(200, http.post(component("strict") + "/ApiKeys?api-version=2015-05-01", keyBody("k", "strict")).status());
        assertEquals(200, http.delete(component("strict") + "?api-version=2020-02-02").status());
        http.put(component("strict") + "?api-version=2020-02-02", WEB);
        assertEquals(0, http.get(component("strict") + "/ApiKeys?api-version=2015-05-01").json().getAsJsonArray("value").size(),
                "a component made again under the same name starts without the old keys");
    }

    @Test
    void aLinkedWorkspaceStaysLinkedAndAMigratedComponentKeepsItsMigrationDate() {
        String ws = "/subscriptions/" + SUB + "/resourceGroups/keys-rg/providers/microsoft.OperationalInsights/workspaces/";
        String api = "?api-version=2020-02-02";
        String linkTo = "\"web\",\"IngestionMode\":\"LogAnalytics\",\"WorkspaceResourceId\":\"" + ws;
        JsonObject classic = http.put(component("classic") + api, WEB.replace("\"web\"}", "\"web\",\"RetentionInDays\":120}"))
                .json().getAsJsonObject("properties");
        assertEquals("P120D", classic.get("Retention").getAsString());
        JsonObject p = http.put(component("classic") + api, WEB.replace("\"web\"}", linkTo + "la1\"}")).json()
                .getAsJsonObject("properties");
        assertEquals(ws + "la1", p.get("WorkspaceResourceId").getAsString());
        assertEquals("LogAnalytics", p.get("IngestionMode").getAsString());
        assertTrue(p.has("LaMigrationDate"), p.toString());
        assertEquals("P120D", p.get("Retention").getAsString(), "a PUT that leaves retention out keeps it");
        assertEquals(120, p.get("RetentionInDays").getAsInt());

        JsonObject moved = http.put(component("classic") + api, WEB.replace("\"web\"}", linkTo + "la2\"}")).json()
                .getAsJsonObject("properties");
        assertEquals(p.get("LaMigrationDate"), moved.get("LaMigrationDate"));
        JsonObject back = http.put(component("classic") + api, WEB.replace("\"web\"}", "\"web\",\"IngestionMode\":\"ApplicationInsights\"}"))
                .json().getAsJsonObject("properties");
        assertEquals(ws + "la2", back.get("WorkspaceResourceId").getAsString(), "no PUT unlinks the workspace");
        assertEquals("LogAnalytics", back.get("IngestionMode").getAsString());

        JsonObject born = http.put(component("born-linked") + api, WEB.replace("\"web\"}", linkTo + "la1\"}")).json()
                .getAsJsonObject("properties");
        assertEquals(ws + "la1", born.get("WorkspaceResourceId").getAsString());
        assertFalse(born.has("LaMigrationDate"), "a component created linked was never migrated");
        assertFalse(born.has("Retention"));
    }

    @Test
    void componentListsCarryANullNextLinkOnTheLastPage() {
        http.put(component("listed") + "?api-version=2020-02-02", WEB);
        JsonObject page = http.get("/subscriptions/" + SUB + "/resourceGroups/keys-rg/providers/Microsoft.Insights/components"
                + "?api-version=2020-02-02").json();
        assertTrue(page.has("nextLink"));
        assertEquals(JsonNull.INSTANCE, page.get("nextLink"));
    }
}
