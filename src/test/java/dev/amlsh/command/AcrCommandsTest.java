package dev.amlsh.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code acr ...} typed into the shell, against the sandbox over the real SDK. */
class AcrCommandsTest {
    static final String SUB = "0b1f6471-1bf0-4dda-aec3-111122223333";
    /** The keys {@code az acr show} prints (its Registry model's attributes, plus resourceGroup). */
    static final List<String> AZ_KEYS = List.of("adminUserEnabled", "anonymousPullEnabled", "creationDate", "dataEndpointEnabled",
            "dataEndpointHostNames", "encryption", "id", "identity", "location", "loginServer", "name", "networkRuleBypassOptions",
            "networkRuleSet", "policies", "privateEndpointConnections", "provisioningState", "publicNetworkAccess", "resourceGroup",
            "sku", "status", "systemData", "tags", "type", "zoneRedundancy");
    static ShellHarness sh;

    @BeforeAll
    static void start() {
        sh = ShellHarness.signedIn();
        sh.ok("group create -n acr-rg -l eastus");
        sh.ok("group create -n acr-rg2 -l westus2");
    }

    @AfterAll
    static void stop() {
        sh.close();
    }

    @Test
    void createPrintsTheCliShapeWithExactlyTheKeysAzPrints() {
        JsonObject r = json(sh.ok("acr create -n ShapeReg1 -g acr-rg --sku Basic"));
        assertEquals(new TreeSet<>(AZ_KEYS), r.keySet());
        assertEquals(List.copyOf(new TreeSet<>(AZ_KEYS)), List.copyOf(r.keySet()), "keys are sorted as az prints them");
        assertEquals("/subscriptions/" + SUB + "/resourceGroups/acr-rg/providers/Microsoft.ContainerRegistry/registries/ShapeReg1",
                r.get("id").getAsString());
        assertEquals("shapereg1.azurecr.io", r.get("loginServer").getAsString());
        assertEquals("Succeeded", r.get("provisioningState").getAsString());
        assertFalse(r.get("adminUserEnabled").getAsBoolean(), "admin is off unless asked");
        assertEquals("{\"name\":\"Basic\",\"tier\":\"Basic\"}", r.get("sku").toString());
        assertEquals("{\"keyVaultProperties\":null,\"status\":\"disabled\"}", r.get("encryption").toString());
        assertTrue(r.get("networkRuleSet").isJsonNull() && r.get("identity").isJsonNull());
        assertEquals("acr-rg", r.get("resourceGroup").getAsString());
        assertEquals("eastus", r.get("location").getAsString(), "the group's location by default");
        assertTrue(r.get("creationDate").getAsString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00"));
    }

    @Test
    void theWorkflowLookupPrintsJustTheId() {
        sh.ok("acr create -n wfRegistry1 -g acr-rg --admin-enabled true");
        assertEquals("\"/subscriptions/" + SUB + "/resourceGroups/acr-rg/providers/Microsoft.ContainerRegistry/registries/wfRegistry1\"\n",
                sh.ok("acr show --name wfRegistry1 -g acr-rg --query \"id\""));
        assertEquals("wfRegistry1\n", sh.ok("az acr show -n WFREGISTRY1 --query name -o tsv"), "no -g: found in the subscription");
        assertEquals("true\n", sh.ok("acr show -n wfregistry1.azurecr.io --query adminUserEnabled --only-show-errors"));
        Run suffixed = sh.run("acr show -n wfregistry1.azurecr.io --query name");
        assertTrue(suffixed.err().startsWith("WARNING: The login server endpoint suffix"), suffixed.err());
    }

    @Test
    void createOptions() {
        JsonObject r = json(sh.ok("acr create -n optionsReg1 -g acr-rg2 -l eastus --sku premium --admin-enabled --tags team=ml"));
        assertEquals("Premium", r.getAsJsonObject("sku").get("name").getAsString());
        assertEquals("eastus", r.get("location").getAsString());
        assertTrue(r.get("adminUserEnabled").getAsBoolean());
        assertEquals("{\"team\":\"ml\"}", r.get("tags").toString());
        assertTrue(r.get("networkRuleSet").isJsonObject(), "Premium registries have network rules");
        Run badSku = sh.run("acr create -n goldReg12 -g acr-rg --sku Gold");
        assertEquals(2, badSku.exitCode());
        assertTrue(badSku.err().contains("Basic, Standard or Premium"), badSku.err());
        Run badFlag = sh.run("acr create -n flagReg12 -g acr-rg --admin-enabled maybe");
        assertEquals(2, badFlag.exitCode(), badFlag.toString());
    }

    @Test
    void badNamesAreUsageErrorsWithTheCliWording() {
        for (String bad : List.of("abcd", "has-dash1", "under_score", "x".repeat(51))) {
            Run r = sh.run("acr create -n " + bad + " -g acr-rg");
            assertEquals(2, r.exitCode(), r.toString());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("ERROR: Registry names may contain only alpha numeric characters and must be between 5 and 50"
                    + " characters"), r.err());
            assertEquals(2, sh.run("acr show -n " + bad).exitCode());
        }
    }

    @Test
    void aNameTakenAnywhereIsRefusedInOneLineWithExitOne() {
        sh.ok("acr create -n takenName1 -g acr-rg");
        Run again = sh.run("acr create -n TAKENNAME1 -g acr-rg2");
        assertEquals(1, again.exitCode(), again.toString());
        assertEquals(1, again.err().lines().count(), again.err());
        assertTrue(again.err().startsWith("ERROR: (AlreadyInUse) The registry DNS name takenname1.azurecr.io is already in use."),
                again.err());
        assertTrue(again.err().contains("acr check-name"), again.err());
    }

    @Test
    void checkNameAnswersLikeTheService() {
        sh.ok("acr create -n checkedReg1 -g acr-rg");
        assertEquals("{\n  \"message\": \"The registry checkedReg1 is already in use.\",\n  \"nameAvailable\": false,\n"
                + "  \"reason\": \"AlreadyExists\"\n}\n", sh.ok("acr check-name -n checkedReg1"));
        assertEquals("true\n", sh.ok("acr check-name -n freshName99 --query nameAvailable"));
        assertEquals("Invalid\n", sh.ok("acr check-name -n no-dash --query reason -o tsv"));
    }

    @Test
    void updateChangesAdminSkuAndTags() {
        sh.ok("acr create -n updatedReg1 -g acr-rg --tags a=1");
        JsonObject r = json(sh.ok("acr update -n updatedReg1 --admin-enabled true --sku Standard --tags b=2"));
        assertTrue(r.get("adminUserEnabled").getAsBoolean());
        assertEquals("Standard", r.getAsJsonObject("sku").get("name").getAsString());
        assertEquals("{\"b\":\"2\"}", r.get("tags").toString());
        JsonObject off = json(sh.ok("acr update -n updatedReg1 -g acr-rg --admin-enabled false"));
        assertFalse(off.get("adminUserEnabled").getAsBoolean());
        assertEquals("{\"b\":\"2\"}", off.get("tags").toString(), "tags stay unless given");
        assertEquals("{}", json(sh.ok("acr update -n updatedReg1 --tags \"\"")).get("tags").toString());
        assertEquals(3, sh.run("acr update -n ghostReg99 --admin-enabled true").exitCode());
    }

    @Test
    void credentialsNeedTheAdminUser() {
        sh.ok("acr create -n credReg123 -g acr-rg");
        Run refused = sh.run("acr credential show -n credReg123");
        assertEquals(1, refused.exitCode(), refused.toString());
        assertEquals("ERROR: The admin user of registry 'credReg123' is disabled. "
                + "Enable it with 'acr update -n credReg123 --admin-enabled true'.\n", refused.err());
        sh.ok("acr update -n credReg123 --admin-enabled true");
        JsonObject creds = json(sh.ok("acr credential show -n credReg123 -g acr-rg"));
        assertEquals(List.of("passwords", "username"), List.copyOf(creds.keySet()));
        assertEquals("credReg123", creds.get("username").getAsString());
        JsonArray passwords = creds.getAsJsonArray("passwords");
        assertEquals("password", passwords.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals("password2", passwords.get(1).getAsJsonObject().get("name").getAsString());
        String value = sh.ok("acr credential show -n credReg123 --query \"passwords[0].value\" -o tsv").strip();
        assertEquals(passwords.get(0).getAsJsonObject().get("value").getAsString(), value);
        assertFalse(sh.ok("acr show -n credReg123").contains(value), "show never prints a password");
        assertFalse(sh.ok("acr list").contains(value), "list never prints a password");
    }

    @Test
    void listByGroupAndSubscription() {
        sh.ok("group create -n acr-list -l eastus");
        sh.ok("acr create -n listedReg1 -g acr-list");
        sh.ok("acr create -n listedReg2 -g acr-list");
        assertEquals("listedReg1\nlistedReg2\n", sh.ok("acr list -g acr-list --query \"[].name\" -o tsv"));
        JsonArray all = JsonParser.parseString(sh.ok("acr list")).getAsJsonArray();
        assertTrue(all.size() >= 2);
        all.forEach(e -> assertEquals(new TreeSet<>(AZ_KEYS), e.getAsJsonObject().keySet()));
        String table = sh.ok("acr list -g acr-list -o table");
        assertTrue(table.startsWith("Name") && table.contains("listedreg2.azurecr.io"), table);
    }

    @Test
    void deleteAsksThenRemovesAndFreesTheName() {
        sh.ok("acr create -n doomedReg1 -g acr-rg");
        Run refused = sh.run("acr delete -n doomedReg1");
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("--yes"), refused.err());
        assertEquals("", sh.ok("acr delete -n doomedReg1 -g acr-rg --yes"));
        assertEquals(3, sh.run("acr show -n doomedReg1 -g acr-rg").exitCode());
        assertEquals(3, sh.run("acr delete -n doomedReg1 --yes").exitCode());
        sh.ok("acr create -n doomedReg1 -g acr-rg2");
    }

    @Test
    void missingRegistryIsOneLineAndExitThree() {
        Run r = sh.run("acr show -n ghostReg99 -g acr-rg");
        assertEquals(3, r.exitCode());
        assertEquals("", r.out());
        assertEquals("ERROR: The registry 'ghostReg99' was not found in resource group 'acr-rg'. See the registries with 'acr list'.\n",
                r.err());
        Run anywhere = sh.run("acr show -n ghostReg99");
        assertEquals(3, anywhere.exitCode());
        assertTrue(anywhere.err().contains("not found in the subscription"), anywhere.err());
        assertEquals(3, sh.run("acr credential show -n ghostReg99").exitCode());
    }

    @Test
    void currentGroupIsTheDefaultForCreate() {
        sh.ok("use acr-rg2");
        try {
            assertEquals("acr-rg2\n", sh.ok("acr create -n currentReg1 --query resourceGroup -o tsv"));
        } finally {
            sh.ok("use --none");
        }
        Run none = sh.run("acr create -n currentReg2");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("use <group>"), none.err());
    }

    @Test
    void helpHasOptionsAndExamples() {
        String help = sh.ok("acr create -h");
        assertTrue(help.contains("--admin-enabled") && help.contains("Examples:") && help.contains("acr create -n ws1registry"), help);
        String tree = sh.ok("acr");
        for (String sub : List.of("check-name", "create", "credential", "delete", "list", "show", "update")) {
            assertTrue(tree.contains("  " + sub), tree);
        }
        assertEquals(2, sh.run("acr craete -n x").exitCode());
    }

    static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }
}
