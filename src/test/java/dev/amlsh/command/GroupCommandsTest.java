package dev.amlsh.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code group ...} typed into the shell, against the sandbox over the real SDK. */
class GroupCommandsTest {
    static final String SUB = "0b1f6471-1bf0-4dda-aec3-111122223333";
    static ShellHarness sh;

    @BeforeAll
    static void start() {
        sh = ShellHarness.signedIn();
    }

    @AfterAll
    static void stop() {
        sh.close();
    }

    @Test
    void createPrintsTheWorkflowObjectExactly() {
        String out = sh.ok("group create --name rg1 --location eastus");
        assertEquals("""
                {
                  "id": "/subscriptions/%s/resourceGroups/rg1",
                  "location": "eastus",
                  "managedBy": null,
                  "name": "rg1",
                  "properties": {
                    "provisioningState": "Succeeded"
                  },
                  "tags": null,
                  "type": null
                }
                """.formatted(SUB), out);
    }

    @Test
    void azPrefixAndShortOptionsWork() {
        JsonObject group = json(sh.ok("az group create -n AzPrefixed -l westus2 --tags team=ml env=dev"));
        assertEquals("AzPrefixed", group.get("name").getAsString());
        assertEquals("ml", group.getAsJsonObject("tags").get("team").getAsString());
    }

    @Test
    void namesAreCaseInsensitiveAndKeepTheirCasing() {
        sh.ok("group create -n MixedCase -l eastus");
        JsonObject shown = json(sh.ok("group show -n mixedcase"));
        assertEquals("MixedCase", shown.get("name").getAsString());
        assertEquals("true\n", sh.ok("group exists -n MIXEDCASE"));
    }

    @Test
    void missingGroupIsOneLineAndExitThree() {
        Run r = sh.run("group show -n nosuchgroup");
        assertEquals(3, r.exitCode());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("ERROR: (ResourceGroupNotFound) Resource group 'nosuchgroup' could not be found."), r.err());
        assertTrue(r.err().contains("group create"), "says what to do: " + r.err());
        assertEquals("false\n", sh.ok("group exists -n nosuchgroup"));
    }

    @Test
    void badNameIsAUsageErrorAndNothingIsCreated() {
        Run r = sh.run("group create -n \"bad name!\" -l eastus");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("ERROR: Resource group name 'bad name!' is invalid."), r.err());
        assertEquals("[]\n", sh.ok("group list --query \"[?name=='bad name!'].name\""));
    }

    @Test
    void unknownLocationIsRefusedByTheService() {
        Run r = sh.run("group create -n nowhere -l moon");
        assertEquals(2, r.exitCode(), r.toString());    // ARM answers 400: the user can fix the line
        assertTrue(r.err().startsWith("ERROR: ("), r.err());
        assertEquals("false\n", sh.ok("group exists -n nowhere"));
    }

    @Test
    void listQueryAndFormats() {
        sh.ok("group create -n listed1 -l eastus --tags purpose=listing");
        sh.ok("group create -n listed2 -l westus --tags purpose=listing");
        assertEquals("listed1\nlisted2\n",
                sh.ok("group list --tag purpose=listing --query \"[].name\" -o tsv"));
        String table = sh.ok("group list --tag purpose=listing -o table");
        assertTrue(table.lines().findFirst().orElseThrow().startsWith("Name"), table);
        assertTrue(table.contains("listed2") && table.contains("westus"), table);
        assertEquals("", sh.ok("group list -o none"));
        String yaml = sh.ok("group show -n listed1 -o yaml");
        assertTrue(yaml.contains("name: listed1"), yaml);
    }

    @Test
    void updateReplacesTags() {
        sh.ok("group create -n tagged -l eastus --tags a=1 b=2");
        JsonObject updated = json(sh.ok("group update -n tagged --tags c=3"));
        assertEquals("{\"c\":\"3\"}", updated.get("tags").toString());
    }

    @Test
    void deleteNeedsYesWhereNobodyCanAnswer() {
        sh.ok("group create -n doomed -l eastus");
        Run refused = sh.run("group delete -n doomed");
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("--yes"), refused.err());
        assertEquals("true\n", sh.ok("group exists -n doomed"));
        assertEquals("", sh.ok("group delete -n doomed --yes"));
        assertEquals("false\n", sh.ok("group exists -n doomed"));
        assertEquals(3, sh.run("group delete -n doomed --yes").exitCode());
    }

    @Test
    void currentGroupIsTheDefaultForG() {
        sh.ok("group create -n current1 -l eastus");
        sh.ok("use current1");
        assertEquals("current1\n", sh.ok("group show --query name -o tsv"));
        Run missing = sh.run("use nosuchgroup");
        assertEquals(3, missing.exitCode());
        sh.ok("use --none");
        Run none = sh.run("group show");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("use <group>"), none.err());
    }

    @Test
    void typosGetSuggestionsAndGroupsListTheirCommands() {
        Run typo = sh.run("group craete -n x -l eastus");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("Did you mean 'create'"), typo.err());
        assertEquals(1, typo.err().lines().count());
        Run bare = sh.run("group");
        assertEquals(0, bare.exitCode());
        for (String sub : List.of("create", "delete", "exists", "list", "show", "update")) {
            assertTrue(bare.out().contains("  " + sub), bare.out());
        }
        Run badOption = sh.run("group list --colour red");
        assertEquals(2, badOption.exitCode());
        assertTrue(badOption.err().startsWith("ERROR: Unrecognized argument"), badOption.err());
        Run badFormat = sh.run("group list -o xml");
        assertEquals(2, badFormat.exitCode());
        assertEquals(1, badFormat.err().lines().count(), badFormat.err());
    }

    @Test
    void helpShowsOptionsAndExamples() {
        String help = sh.ok("group create -h");
        assertTrue(help.contains("--location") && help.contains("Examples:") && help.contains("group create --name rg1"), help);
        assertEquals(help, sh.ok("help group create"));
        assertEquals(2, sh.run("help group craete").exitCode());
    }

    static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }
}
