package dev.amlsh.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The v2 dialect typed into the shell against the sandbox: the seed workflow in v2 with v2's
 * shapes, the line deciding the dialect (else the session default), mixed lines refused, the
 * colliding short options, the YAML file and its one-line errors.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class WorkspaceV2Test {
    /** The keys of a fresh v2 workspace (§4.3) that api-version 2024-04-01 can fill. */
    static final Set<String> FRESH = Set.of("application_insights", "description", "discovery_url", "display_name",
            "enable_data_isolation", "hbi_workspace", "id", "identity", "key_vault", "location", "managed_network",
            "mlflow_tracking_uri", "name", "public_network_access", "resourceGroup", "resource_group", "storage_account", "tags");
    static ShellHarness sh;

    @BeforeAll
    static void start() {
        sh = ShellHarness.signedIn();
        for (String rg : new String[] {"v2-rg", "v2-rg2", "v2-rg3"}) {
            sh.ok("az group create --name " + rg + " --location eastus -o none");
        }
    }

    @AfterAll
    static void stop() {
        sh.close();
    }

    static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    @Test
    void theSeedWorkflowTypedInV2PrintsV2Shapes() {
        JsonObject ws = json(sh.ok("az ml workspace create -n v2-ws1 -g v2-rg"));
        assertEquals(FRESH, new TreeSet<>(ws.keySet()));
        assertEquals("v2-ws1", ws.get("description").getAsString());
        assertEquals("system_assigned", ws.getAsJsonObject("identity").get("type").getAsString());
        assertEquals("{\"isolation_mode\":\"disabled\",\"outbound_rules\":[]}", ws.get("managed_network").toString());
        assertEquals("https://eastus.api.azureml.ms/discovery", ws.get("discovery_url").getAsString());
        assertEquals("azureml://eastus.api.azureml.ms/mlflow/v1.0" + ws.get("id").getAsString(), ws.get("mlflow_tracking_uri").getAsString());
        assertEquals("v2-rg", ws.get("resource_group").getAsString());
        assertTrue(ws.getAsJsonObject("tags").get("createdByToolkit").getAsString().startsWith("cli-v2-"));

        JsonArray list = JsonParser.parseString(sh.ok("ml workspace list -g v2-rg --max-results 5")).getAsJsonArray();
        assertEquals(FRESH, new TreeSet<>(list.get(0).getAsJsonObject().keySet()));
        assertEquals("Name    Location    Description\n------  ----------  -------------\nv2-ws1  eastus      v2-ws1\n",
                sh.ok("ml workspace list -g v2-rg --max-results 5 -o table"));

        JsonObject updated = json(sh.ok("ml workspace update -n v2-ws1 -g v2-rg --display-name Team --description \"For the team\""
                + " --set tags.team=ml"));
        assertEquals("Team", updated.get("display_name").getAsString());
        assertEquals("ml", updated.getAsJsonObject("tags").get("team").getAsString());
        assertTrue(updated.getAsJsonObject("tags").has("createdByToolkit"), "v2 update merges tags");
        assertEquals("Team\n", sh.ok("ml workspace show -n v2-ws1 -g v2-rg --query display_name -o tsv"));
        String id = updated.get("id").getAsString();
        sh.ok("role assignment create --assignee bob@sandbox.amlsh --role \"AzureML Data Scientist\" --scope " + id + " -o none");
        assertEquals("", sh.ok("ml workspace sync-keys -n v2-ws1 -g v2-rg"));
        assertTrue(json(sh.ok("ml workspace list-keys -n v2-ws1 -g v2-rg")).has("userStorageKey"));
        assertTrue(json(sh.ok("ml workspace diagnose -n v2-ws1 -g v2-rg")).has("storageAccountResults"));

        Run noYes = sh.run("ml workspace delete -n v2-ws1 -g v2-rg");
        assertEquals(2, noYes.exitCode(), noYes.toString());
        assertEquals("ERROR: 'ml workspace delete' needs confirmation and nobody can answer here. Add --yes to run it without a prompt.\n",
                noYes.err());
        assertEquals("", sh.ok("ml workspace delete -n v2-ws1 -g v2-rg --yes -p"));
        assertEquals(3, sh.run("ml workspace show -n v2-ws1 -g v2-rg").exitCode());
    }

    @Test
    void theLineDecidesTheDialectElseTheSessionDefault() {
        sh.ok("ml workspace create -w v2-both -g v2-rg2 -o none");
        assertTrue(json(sh.ok("ml workspace show -w v2-both -g v2-rg2")).has("friendlyName"), "-w is v1");
        assertTrue(json(sh.ok("ml workspace show -n v2-both -g v2-rg2")).has("display_name"), "-n is v2");
        assertTrue(JsonParser.parseString(sh.ok("ml workspace list -g v2-rg2")).getAsJsonArray().get(0).getAsJsonObject()
                .has("workspaceName"), "undecided: v1 out of the box");
        assertEquals("v1\n", sh.ok("configure --list-defaults --query \"[?name=='ml-cli'].value\" -o tsv"));
        sh.ok("configure --defaults ml-cli=v2");
        try {
            assertTrue(JsonParser.parseString(sh.ok("ml workspace list -g v2-rg2")).getAsJsonArray().get(0).getAsJsonObject()
                    .has("display_name"), "undecided: the session default");
            assertTrue(json(sh.ok("ml workspace show -w v2-both -g v2-rg2")).has("workspaceid"), "-w is still v1");
            // the colliding short options follow the dialect: -f is v1's --friendly-name ...
            assertEquals("Friendly\n", sh.ok("ml workspace update -w v2-both -g v2-rg2 -f Friendly --query friendlyName -o tsv"));
        } finally {
            sh.ok("configure --defaults ml-cli=");
        }
        Run bad = sh.run("configure --defaults ml-cli=v3");
        assertEquals(2, bad.exitCode());
        assertEquals("ERROR: ml-cli: 'v3' is not a CLI dialect. Use ml-cli=v1 or ml-cli=v2.\n", bad.err());

        Run mixed = sh.run("ml workspace create -w v2-mix -g v2-rg2 --display-name Team --friendly-name Team");
        assertEquals(2, mixed.exitCode());
        assertEquals("ERROR: This line mixes the two 'ml workspace' dialects: -w, --friendly-name are v1 (azure-cli-ml),"
                + " --display-name is v2 (the ml extension). Write the line in one dialect: v1 names the workspace with -w,"
                + " v2 with -n; 'migrate' translates v1 lines.\n", mixed.err());
        Run share = sh.run("ml workspace share -n v2-both -g v2-rg2 --user bob@sandbox.amlsh --role Reader");
        assertEquals(2, share.exitCode());
        assertTrue(share.err().contains("'share', --user, --role are v1"), share.err());
    }

    @Test
    void createFromYamlAndCreateOnAnExistingWorkspaceUpdatesIt() throws Exception {
        Path dir = Files.createTempDirectory("amlsh-v2-yaml-");
        Path file = dir.resolve("workspace.yml");
        Files.writeString(file, "$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json\n"
                + "name: v2-yaml\ndisplay_name: From YAML\nlocation: eastus\ntags:\n  team: ml\n"
                + "managed_network:\n  isolation_mode: allow_only_approved_outbound\n  outbound_rules:\n"
                + "  - name: pypi\n    type: fqdn\n    destination: pypi.org\n");
        // -f is v2's --file here: the line has no v1 option, and -g alone does not decide
        JsonObject ws = json(sh.ok("ml workspace create -g v2-rg3 -f " + file + " --set tags.env=dev"));
        assertEquals("From YAML", ws.get("display_name").getAsString());
        assertEquals("{\"env\":\"dev\",\"team\":\"ml\"}", tagsWithoutToolkit(ws));
        JsonObject network = ws.getAsJsonObject("managed_network");
        assertEquals("allow_only_approved_outbound", network.get("isolation_mode").getAsString());
        assertTrue(network.toString().contains("{\"category\":\"user_defined\",\"destination\":\"pypi.org\",\"name\":\"pypi\","
                + "\"status\":\"Inactive\",\"type\":\"fqdn\"}"), network.toString());

        JsonObject again = json(sh.ok("ml workspace create -n v2-yaml -g v2-rg3 --tags owner=alice"));
        assertEquals("From YAML", again.get("display_name").getAsString(), "v2 create on an existing workspace updates it");
        assertEquals("{\"env\":\"dev\",\"owner\":\"alice\",\"team\":\"ml\"}", tagsWithoutToolkit(again));
        Run v1Again = sh.run("ml workspace create -w v2-yaml -g v2-rg3");
        assertEquals(1, v1Again.exitCode(), "v1 create on an existing workspace fails: " + v1Again);

        Path typo = dir.resolve("typo.yml");
        Files.writeString(typo, "name: v2-typo\ndisplay_nme: X\n");
        Run unknown = sh.run("ml workspace create -g v2-rg3 --file " + typo);
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("ERROR: " + typo + ":2: unknown key 'display_nme'. Did you mean 'display_name'?"), unknown.err());
        Path badType = dir.resolve("type.yml");
        Files.writeString(badType, "name: v2-type\ntags: [a, b]\nhbi_workspace: yes\n");
        Run wrongType = sh.run("ml workspace create -g v2-rg3 --file " + badType);
        assertEquals(2, wrongType.exitCode());
        assertEquals("ERROR: " + badType + ":2: 'tags' must be a mapping of keys to values. Write it as 'key: value' lines.\n",
                wrongType.err());
        Files.writeString(badType, "name: v2-type\nhbi_workspace: yes\n");
        Run wrongBool = sh.run("ml workspace create -g v2-rg3 --file " + badType);
        assertEquals("ERROR: " + badType + ":2: 'hbi_workspace' must be true or false, not 'yes'. Write true or false.\n", wrongBool.err());
        assertEquals(3, sh.run("ml workspace show -n v2-type -g v2-rg3").exitCode(), "nothing was created");
        Run noGroup = sh.run("ml workspace create -n v2-x -g v2-missing");
        assertEquals(3, noGroup.exitCode());
        assertTrue(noGroup.err().contains("v2 never creates the group"), noGroup.err());
    }

    @Test
    void theReadmeV1AndV2BlockRunsAsWritten() throws Exception {
        java.util.List<String> readme = Files.readAllLines(Path.of("README.md"));
        int at = readme.indexOf("## v1 and v2 `ml workspace`");
        assertTrue(at >= 0);
        int open = at;
        while (!readme.get(open).startsWith("```")) {
            open++;
        }
        Path yaml = Files.createTempDirectory("amlsh-readme-").resolve("ws.yml");
        Files.writeString(yaml, "name: ws3\ndisplay_name: From the file\n");
        try (ShellHarness fresh = ShellHarness.signedIn()) {
            fresh.ok("group create -n rg1 -l eastus -o none");
            int ran = 0;
            for (int i = open + 1; !readme.get(i).startsWith("```"); i++) {
                String line = readme.get(i).replaceAll("\\s+#.*$", "").replace("ws.yml", yaml.toString());
                Run r = fresh.run(line);
                assertEquals(0, r.exitCode(), line + "\n" + r);
                ran++;
            }
            assertTrue(ran >= 8);
            assertEquals("From the file\n", fresh.ok("ml workspace show -n ws3 -g rg1 --query display_name -o tsv"));
        }
    }

    static String tagsWithoutToolkit(JsonObject ws) {
        JsonObject tags = ws.getAsJsonObject("tags").deepCopy();
        tags.remove("createdByToolkit");
        return tags.toString();
    }
}
