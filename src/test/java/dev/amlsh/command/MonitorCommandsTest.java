package dev.amlsh.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code monitor app-insights component ...} typed into the shell, against the sandbox over the real SDK. */
class MonitorCommandsTest {
    static final String SUB = "0b1f6471-1bf0-4dda-aec3-111122223333";
    static final String AI = "monitor app-insights component ";
    /** The keys {@code az monitor app-insights component show} prints (extension model 2018-05-01-preview + resourceGroup). */
    static final List<String> AZ_KEYS = List.of("appId", "applicationId", "applicationType", "connectionString", "creationDate",
            "disableIpMasking", "flowType", "hockeyAppId", "hockeyAppToken", "id", "immediatePurgeDataOn30Days", "ingestionMode",
            "instrumentationKey", "kind", "location", "name", "privateLinkScopedResources", "provisioningState",
            "publicNetworkAccessForIngestion", "publicNetworkAccessForQuery", "requestSource", "resourceGroup", "retentionInDays",
            "samplingPercentage", "tags", "tenantId", "type");
    static ShellHarness sh;

    @BeforeAll
    static void start() {
        sh = ShellHarness.signedIn();
        sh.ok("group create -n ai-rg -l eastus");
        sh.ok("group create -n ai-rg2 -l westus2");
    }

    @AfterAll
    static void stop() {
        sh.close();
    }

    @Test
    void createPrintsTheCliShapeWithExactlyTheKeysAzPrints() {
        JsonObject c = json(sh.ok(AI + "create --app demoApp -g ai-rg -l eastus --kind web --application-type web"));
        assertEquals(new TreeSet<>(AZ_KEYS), c.keySet());
        assertEquals(List.copyOf(new TreeSet<>(AZ_KEYS)), List.copyOf(c.keySet()), "keys are sorted as az prints them");
        assertEquals("/subscriptions/" + SUB + "/resourceGroups/ai-rg/providers/microsoft.insights/components/demoApp",
                c.get("id").getAsString());
        assertEquals("ai-rg", c.get("resourceGroup").getAsString());
        assertEquals("demoApp", c.get("applicationId").getAsString());
        assertEquals("web", c.get("applicationType").getAsString());
        assertEquals("Succeeded", c.get("provisioningState").getAsString());
        assertEquals("{}", c.get("tags").toString());
        assertTrue(Pattern.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00", c.get("creationDate").getAsString()),
                c.get("creationDate").getAsString());
        assertTrue(c.get("connectionString").getAsString().startsWith("InstrumentationKey=" + c.get("instrumentationKey").getAsString()));
    }

    @Test
    void theWorkflowLookupPrintsJustTheId() {
        sh.ok(AI + "create --app wfInsights -g ai-rg -l eastus");
        assertEquals("\"/subscriptions/" + SUB + "/resourceGroups/ai-rg/providers/microsoft.insights/components/wfInsights\"\n",
                sh.ok(AI + "show --app wfInsights -g ai-rg --query \"id\""));
        String viaAz = sh.ok("az " + AI + "show -a WFINSIGHTS --resource-group ai-rg --query id -o tsv");
        assertTrue(viaAz.endsWith("/components/wfInsights\n"), "case-insensitive, casing as written: " + viaAz);
        assertEquals(json(sh.ok(AI + "show --name wfInsights -g ai-rg")), json(sh.ok(AI + "show --app wfInsights -g ai-rg")));
    }

    @Test
    void defaultsAreWebKindWebTypeAndTheGroupsLocation() {
        JsonObject c = json(sh.ok(AI + "create --app defaulted -g ai-rg2 --tags team=ml"));
        assertEquals("web", c.get("kind").getAsString());
        assertEquals("web", c.get("applicationType").getAsString());
        assertEquals("westus2", c.get("location").getAsString());
        assertEquals("ml", c.getAsJsonObject("tags").get("team").getAsString());
    }

    @Test
    void currentGroupIsTheDefaultAndShowWithoutAnyGroupSearchesTheSubscription() {
        sh.ok("use ai-rg2");
        try {
            sh.ok(AI + "create --app inCurrent");
            assertEquals("ai-rg2\n", sh.ok(AI + "show --app inCurrent --query resourceGroup -o tsv"));
            sh.ok("use --none");
            assertEquals("ai-rg2\n", sh.ok(AI + "show --app inCurrent --query resourceGroup -o tsv"));
            Run noGroup = sh.run(AI + "create --app nowhere");
            assertEquals(2, noGroup.exitCode(), noGroup.toString());
            assertTrue(noGroup.err().contains("use <group>"), noGroup.err());
        } finally {
            sh.ok("use --none");
        }
    }

    @Test
    void listByGroupAndSubscription() {
        sh.ok("group create -n ai-list -l eastus");
        sh.ok(AI + "create --app listedA -g ai-list");
        sh.ok(AI + "create --app listedB -g ai-list");
        assertEquals("listedA\nlistedB\n", sh.ok(AI + "list -g ai-list --query \"[].name\" -o tsv"));
        JsonArray all = JsonParser.parseString(sh.ok(AI + "list")).getAsJsonArray();
        assertTrue(all.size() >= 2);
        all.forEach(e -> assertEquals(new TreeSet<>(AZ_KEYS), e.getAsJsonObject().keySet()));
        String table = sh.ok(AI + "list -g ai-list -o table");
        assertTrue(table.startsWith("Name") && table.contains("listedB") && table.contains("ai-list"), table);
    }

    @Test
    void badNamesAndTypesAreUsageErrorsAndNothingIsCreated() {
        for (String bad : List.of("\"ends.\"", "\"has?mark\"", "\"slash/name\"", "\"per%cent\"", "x".repeat(261))) {
            Run r = sh.run(AI + "create --app " + bad + " -g ai-rg");
            assertEquals(2, r.exitCode(), r.toString());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("ERROR: Application Insights component name"), r.err());
        }
        Run type = sh.run(AI + "create --app typed -g ai-rg --application-type desktop");
        assertEquals(2, type.exitCode());
        assertTrue(type.err().contains("web or other"), type.err());
        assertEquals(3, sh.run(AI + "show --app typed -g ai-rg").exitCode());
    }

    @Test
    void missingComponentOrGroupIsOneLineAndExitThree() {
        Run r = sh.run(AI + "show --app ghost -g ai-rg");
        assertEquals(3, r.exitCode());
        assertEquals("", r.out());
        assertEquals("ERROR: Application Insights component 'ghost' was not found in resource group 'ai-rg'. "
                + "See the components with 'monitor app-insights component list -g ai-rg'.\n", r.err());
        Run group = sh.run(AI + "show --app ghost -g no-such-rg");
        assertEquals(3, group.exitCode());
        assertTrue(group.err().startsWith("ERROR: (ResourceGroupNotFound)"), group.err());
        assertEquals(3, sh.run(AI + "show --app ghost").exitCode());
        assertEquals(3, sh.run(AI + "delete --app ghost -g ai-rg").exitCode());
    }

    @Test
    void serviceRefusalIsOneLineWithExitOne() {
        sh.ok(AI + "create --app placed -g ai-rg -l eastus");
        Run moved = sh.run(AI + "create --app placed -g ai-rg -l westus");
        assertEquals(1, moved.exitCode(), moved.toString());
        assertEquals(1, moved.err().lines().count());
        assertTrue(moved.err().startsWith("ERROR: (InvalidResourceLocation)"), moved.err());
    }

    @Test
    void deleteRemovesIt() {
        sh.ok(AI + "create --app doomedAi -g ai-rg");
        assertEquals("", sh.ok(AI + "delete --app DOOMEDAI -g ai-rg"));
        assertEquals(3, sh.run(AI + "show --app doomedAi -g ai-rg").exitCode());
    }

    @Test
    void helpHasOptionsAndExamplesAndTheTreeLists() {
        String help = sh.ok(AI + "create -h");
        assertTrue(help.contains("--application-type") && help.contains("Examples:") && help.contains("--app ws1-insights"), help);
        String tree = sh.ok("monitor app-insights component");
        for (String sub : List.of("create", "delete", "list", "show")) {
            assertTrue(tree.contains("  " + sub), tree);
        }
        assertTrue(sh.ok("monitor").contains("app-insights"));
        assertEquals(2, sh.run(AI + "shwo --app x").exitCode());
    }

    static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }
}
