package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Microsoft.Insights/components over HTTPS, as any ARM client sees them. */
class InsightsComponentsTest {
    private static final String SUB = SandboxSeed.SUBSCRIPTION_ID;
    private static final String API = "?api-version=2020-02-02";
    private static final String WEB = "{\"location\":\"eastus\",\"kind\":\"web\",\"properties\":{\"Application_Type\":\"web\"}}";
    private static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO));
        http = new SandboxHttp(sandbox);
        for (String g : new String[] {"ai-rg", "ai-rg2"}) {
            assertEquals(201, http.put("/subscriptions/" + SUB + "/resourcegroups/" + g, "{\"location\":\"eastus\"}").status());
        }
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String path(String group, String name) {
        return "/subscriptions/" + SUB + "/resourceGroups/" + group + "/providers/Microsoft.Insights/components/" + name + API;
    }

    @Test
    void putCreatesWith200AndServerSetKeysInThePascalCaseShape() {
        SandboxHttp.Response r = http.put(path("ai-rg", "web-ai"), WEB);
        assertEquals(200, r.status(), r.body());
        JsonObject c = r.json();
        assertEquals("/subscriptions/" + SUB + "/resourceGroups/ai-rg/providers/microsoft.insights/components/web-ai",
                c.get("id").getAsString());
        assertEquals("microsoft.insights/components", c.get("type").getAsString());
        assertEquals("web", c.get("kind").getAsString());
        assertEquals("{}", c.get("tags").toString());
        JsonObject p = c.getAsJsonObject("properties");
        assertTrue(GUID.matcher(p.get("AppId").getAsString()).matches());
        String key = p.get("InstrumentationKey").getAsString();
        assertTrue(GUID.matcher(key).matches());
        assertTrue(p.get("ConnectionString").getAsString().startsWith("InstrumentationKey=" + key + ";"));
        assertEquals(SandboxSeed.TENANT_ID, p.get("TenantId").getAsString());
        assertEquals("Succeeded", p.get("provisioningState").getAsString());
        assertEquals("ApplicationInsights", p.get("IngestionMode").getAsString());
        assertEquals("web", p.get("Application_Type").getAsString());
        assertEquals("web-ai", p.get("ApplicationId").getAsString());
        assertTrue(p.has("CreationDate"));
    }

    @Test
    void putAgainIs200AndKeepsTheMintedKeysAndTheLastCasing() {
        JsonObject first = http.put(path("ai-rg", "keep-ai"), WEB).json().getAsJsonObject("properties");
        SandboxHttp.Response again = http.put(path("ai-rg", "KEEP-AI"), WEB.replace("\"web\"}", "\"other\"}"));
        assertEquals(200, again.status(), again.body());
        JsonObject p = again.json().getAsJsonObject("properties");
        assertEquals(first.get("InstrumentationKey"), p.get("InstrumentationKey"));
        assertEquals(first.get("AppId"), p.get("AppId"));
        assertEquals(first.get("CreationDate"), p.get("CreationDate"));
        assertEquals("other", p.get("Application_Type").getAsString());
        JsonObject shown = http.get(path("ai-rg", "keep-ai")).json();
        assertEquals("KEEP-AI", shown.get("name").getAsString());
        assertTrue(shown.get("id").getAsString().endsWith("/components/KEEP-AI"));
    }

    @Test
    void missingApplicationTypeKindOrPropertiesIsTheServicesBadRequest() {
        SandboxHttp.Response noType = http.put(path("ai-rg", "no-type"), "{\"location\":\"eastus\",\"kind\":\"web\",\"properties\":{}}");
        assertEquals(400, noType.status());
        assertEquals("BadRequest", noType.errorCode());
        assertTrue(noType.errorMessage().contains("'Application_Type' property must be specified"), noType.errorMessage());
        assertEquals("BadRequest", http.put(path("ai-rg", "no-props"), "{\"location\":\"eastus\",\"kind\":\"web\"}").errorCode());
        assertEquals("BadRequest", http.put(path("ai-rg", "no-kind"),
                "{\"location\":\"eastus\",\"properties\":{\"Application_Type\":\"web\"}}").errorCode());
        assertEquals("InvalidParameter", http.put(path("ai-rg", "bad-type"), WEB.replace("\"web\"}", "\"desktop\"}")).errorCode());
        assertEquals(404, http.get(path("ai-rg", "no-type")).status());
    }

    @Test
    void locationIsRequiredAndMustBeARegion() {
        assertEquals("LocationRequired", http.put(path("ai-rg", "no-loc"),
                "{\"kind\":\"web\",\"properties\":{\"Application_Type\":\"web\"}}").errorCode());
        assertEquals("LocationNotAvailableForResourceType", http.put(path("ai-rg", "moon-ai"),
                WEB.replace("eastus", "moon")).errorCode());
        http.put(path("ai-rg", "stay-ai"), WEB);
        SandboxHttp.Response moved = http.put(path("ai-rg", "stay-ai"), WEB.replace("eastus", "westus"));
        assertEquals(409, moved.status());
        assertEquals("InvalidResourceLocation", moved.errorCode());
    }

    @Test
    void nameRules() {
        for (String bad : new String[] {"has%25percent", "amp%26", "q%3Fmark", "ends.", "ends%20", "x".repeat(261), "ctl%01"}) {
            SandboxHttp.Response r = http.put(path("ai-rg", bad), WEB);
            assertEquals(400, r.status(), bad);
            assertEquals("InvalidResourceName", r.errorCode(), bad);
        }
        assertEquals(200, http.put(path("ai-rg", "a"), WEB).status());
        assertEquals(200, http.put(path("ai-rg", "Spaces%20and(parens)_" + "y".repeat(230)), WEB).status());
    }

    @Test
    void patchReplacesTagsOnly() {
        JsonObject before = http.put(path("ai-rg", "tag-ai"), WEB.replace("{\"location\"", "{\"tags\":{\"a\":\"1\"},\"location\"")).json();
        assertEquals("1", before.getAsJsonObject("tags").get("a").getAsString());
        SandboxHttp.Response r = http.patch(path("ai-rg", "tag-ai"), "{\"tags\":{\"b\":\"2\"}}");
        assertEquals(200, r.status(), r.body());
        assertEquals("{\"b\":\"2\"}", r.json().get("tags").toString());
        assertEquals(before.getAsJsonObject("properties").get("InstrumentationKey"),
                r.json().getAsJsonObject("properties").get("InstrumentationKey"));
        assertNotEquals(before.get("etag"), r.json().get("etag"));
        assertEquals("ResourceNotFound", http.patch(path("ai-rg", "no-such-ai"), "{\"tags\":{}}").errorCode());
    }

    @Test
    void listByGroupAndSubscription() {
        http.put(path("ai-rg2", "listed-one"), WEB);
        http.put(path("ai-rg2", "listed-two"), WEB);
        JsonArray inGroup = http.get("/subscriptions/" + SUB + "/resourceGroups/ai-rg2/providers/Microsoft.Insights/components" + API)
                .json().getAsJsonArray("value");
        assertEquals(2, inGroup.size());
        JsonObject all = http.get("/subscriptions/" + SUB + "/providers/Microsoft.Insights/components" + API).json();
        assertTrue(all.getAsJsonArray("value").size() >= 2);
        JsonObject firstPage = http.get("/subscriptions/" + SUB + "/resourceGroups/ai-rg2/providers/Microsoft.Insights/components"
                + API + "&$top=1").json();
        assertEquals(1, firstPage.getAsJsonArray("value").size());
        assertTrue(firstPage.has("nextLink"));
    }

    @Test
    void getMissingIs404AndDeleteIs200Then204() {
        SandboxHttp.Response missing = http.get(path("ai-rg", "ghost-ai"));
        assertEquals(404, missing.status());
        assertEquals("ResourceNotFound", missing.errorCode());
        assertTrue(missing.errorMessage().contains("Microsoft.Insights/components/ghost-ai"), missing.errorMessage());
        http.put(path("ai-rg", "doomed-ai"), WEB);
        assertEquals(200, http.delete(path("ai-rg", "DOOMED-AI")).status());
        assertEquals(204, http.delete(path("ai-rg", "doomed-ai")).status());
        assertEquals(404, http.get(path("ai-rg", "doomed-ai")).status());
        assertEquals("ResourceGroupNotFound", http.get(path("no-such-rg", "x")).errorCode());
    }

    @Test
    void groupDeleteTakesComponentsWithIt() {
        http.put("/subscriptions/" + SUB + "/resourcegroups/ai-gone", "{\"location\":\"eastus\"}");
        http.put(path("ai-gone", "inside"), WEB);
        SandboxHttp.Response del = http.delete("/subscriptions/" + SUB + "/resourcegroups/ai-gone");
        assertEquals(202, del.status());
        JsonArray all = http.get("/subscriptions/" + SUB + "/providers/Microsoft.Insights/components" + API)
                .json().getAsJsonArray("value");
        for (var e : all) {
            assertFalse(e.getAsJsonObject().get("id").getAsString().contains("/ai-gone/"));
        }
    }
}
