package dev.amlsh.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.command.CommandIo;
import dev.amlsh.script.ScriptRunner;
import dev.amlsh.testing.ShellHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code migrate} on the README's v1 workflow and on {@code scripts/examples}: the v1 original
 * and the v2 result each run against their own sandbox and reach the same end state, except for
 * what the migrated script's comments say changed (no registry made up front, the v2 toolkit tag,
 * the default description).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class MigrateWorkflowTest {

    /** The README workflow block made runnable: placeholders become the IDs of resources made first; the group stays. */
    static List<String> readmeWorkflow() throws Exception {
        List<String> lines = new ArrayList<>(List.of("storage account create -n mgsa01 -g rg1 --sku Standard_LRS -o none",
                "keyvault create -n mg-kv01 -g rg1 -o none", "monitor app-insights component create --app mg-ai01 -g rg1 -l eastus -o none",
                "acr create -n mgacr01 -g rg1 --sku Basic --admin-enabled true -o none",
                "sa=mgsa01", "sa_id=$(storage account show --name mgsa01 --query id -o tsv)",
                "kv_id=$(keyvault show --name mg-kv01 --query id -o tsv)",
                "ai_id=$(monitor app-insights component show --app mg-ai01 -g rg1 --query id -o tsv)",
                "acr_id=$(acr show --name mgacr01 -g rg1 --query id -o tsv)"));
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        int at = readme.indexOf("## The workspace workflow");
        int open = at;
        while (!readme.get(open).startsWith("```")) {
            open++;
        }
        List<String> block = new ArrayList<>();
        for (int i = open + 1; !readme.get(i).startsWith("```"); i++) {
            block.add(readme.get(i));
        }
        assertTrue(block.size() >= 10, "README workflow block");
        int groupLine = -1;
        for (String raw : block) {
            String line = raw.replace("--storage-account <id>", "--storage-account $sa_id").replace("--keyvault <id>", "--keyvault $kv_id")
                    .replace("--application-insights <id>", "--application-insights $ai_id")
                    .replace("--container-registry <id>", "--container-registry $acr_id").replace("<sa>", "$sa")
                    .replaceAll("\\s+#.*$", "");
            if (line.contains(" delete ")) {
                continue; // compare what the workflow built (ws1 with its tags and role), not an emptied group
            }
            if (line.contains("group create")) {
                groupLine = lines.size();
            }
            lines.add(line.contains("show") && !line.contains("\\") || line.contains(" list") ? line + " -o none" : line);
        }
        // the dependencies need the group: move the group's creation (and the subscription) first
        String group = lines.remove(groupLine);
        String account = lines.remove(groupLine - 1);
        lines.add(0, group + " -o none");
        lines.add(0, account);
        return lines;
    }

    @Test
    void theReadmeWorkflowMigratedReachesTheSameEndState() throws Exception {
        Path dir = Files.createTempDirectory("amlsh-migrate-");
        Path v1 = dir.resolve("workflow.amlsh");
        Files.write(v1, readmeWorkflow());
        Path v2 = dir.resolve("workflow-v2.amlsh");
        try (ShellHarness a = ShellHarness.signedIn(); ShellHarness b = ShellHarness.signedIn()) {
            assertEquals(1, a.run("migrate " + v1 + " --check").exitCode());
            ShellHarness.Run wrote = a.run("migrate " + v1 + " --write " + v2);
            assertEquals(0, wrote.exitCode(), wrote.toString());
            String migrated = Files.readString(v2);
            assertTrue(migrated.contains("ml workspace create -n ws1 -g rg1"), migrated);
            assertTrue(migrated.contains("role assignment create --assignee bob@sandbox.amlsh --role \"AzureML Data Scientist\" --scope $(ml workspace show -n ws1 -g rg1 --query id -o tsv)"), migrated);
            assertTrue(migrated.contains("--set tags.team=ml"), migrated);
            assertTrue(migrated.contains("# migrate: v2 makes no container registry now"), migrated);
            assertEquals(0, a.run("migrate " + v2 + " --check").exitCode(), "no v1 lines left");

            assertEquals(0, script(a, v1), "v1 original");
            assertEquals(0, script(b, v2), "v2 result");
            Map<String, Object> one = endState(a);
            Map<String, Object> two = endState(b);
            @SuppressWarnings("unchecked")
            Set<String> registries = new TreeSet<>((Set<String>) one.remove("registries"));
            @SuppressWarnings("unchecked")
            Set<String> registries2 = (Set<String>) two.remove("registries");
            registries.removeAll(registries2);
            // the one difference the migrated script names: v1 made a registry for ws1 up front
            assertEquals(1, registries.size(), registries.toString());
            assertTrue(registries.iterator().next().startsWith("ws1"), registries.toString());
            assertEquals(one, two);
            assertEquals(Set.of("ws1", "ws2"), ((Map<?, ?>) one.get("workspaces")).keySet());
            assertTrue(one.get("workspaces").toString().contains("team=ml") || one.get("workspaces").toString().contains("\"team\":\"ml\""),
                    one.toString());
        }
    }

    @Test
    void theExampleScriptsMigratedRunAndReachTheSameEndState() throws Exception {
        Path dir = Files.createTempDirectory("amlsh-migrate-ex-");
        List<Path> examples;
        try (var files = Files.list(Path.of("scripts/examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".amlsh") && !p.toString().contains("99-")).sorted().toList();
        }
        try (ShellHarness a = ShellHarness.signedIn(); ShellHarness b = ShellHarness.signedIn()) {
            for (Path example : examples) {
                Path v2 = dir.resolve(example.getFileName());
                assertEquals(0, a.run("migrate " + example + " --write " + v2).exitCode());
                assertEquals(0, script(a, example.toAbsolutePath()), "v1 " + example);
                assertEquals(0, script(b, v2), "v2 " + example + ":\n" + Files.readString(v2));
                assertEquals(0, a.run("migrate " + v2 + " --check").exitCode());
            }
            Map<String, Object> one = endState(a, "rg-amlsh-example");
            Map<String, Object> two = endState(b, "rg-amlsh-example");
            one.remove("registries");
            two.remove("registries");
            assertEquals(one, two);
        }
    }

    static int script(ShellHarness sh, Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            sh.dispatcher().scriptHost(ScriptRunner.host(sh.dispatcher(), Map.of()));
            code = ScriptRunner.main(List.of(file.toString()), sh.dispatcher(), CommandIo.plain(o, e), Map.of());
        }
        if (code != 0) {
            System.err.println(file + ":\n" + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        }
        return code;
    }

    static Map<String, Object> endState(ShellHarness sh) {
        return endState(sh, "rg1");
    }

    /** The resources of the group and what matters of each workspace, read the same way (v1 shapes) in both. */
    static Map<String, Object> endState(ShellHarness sh, String rg) {
        Map<String, Object> state = new TreeMap<>();
        state.put("storage", names(sh, "storage account list -g " + rg));
        state.put("vaults", names(sh, "keyvault list -g " + rg));
        state.put("insights", names(sh, "monitor app-insights component list -g " + rg));
        state.put("registries", names(sh, "acr list -g " + rg));
        Map<String, Object> workspaces = new TreeMap<>();
        JsonArray list = JsonParser.parseString(sh.ok("ml workspace list -g " + rg + " --query \"[].workspaceName\"")).getAsJsonArray();
        for (JsonElement name : list) {
            JsonObject ws = JsonParser.parseString(sh.ok("ml workspace show -w " + name.getAsString() + " -g " + rg)).getAsJsonObject();
            Map<String, Object> w = new TreeMap<>();
            for (String key : new String[] {"friendlyName", "location", "storageAccount", "keyVault", "applicationInsights", "identityType"}) {
                w.put(key, ws.get(key).isJsonNull() ? null : ws.get(key).getAsString().toLowerCase());
            }
            JsonObject tags = ws.getAsJsonObject("tags").deepCopy();
            tags.remove("createdByToolkit");
            w.put("tags", tags.toString());
            String roles = sh.ok("role assignment list --scope " + ws.get("id").getAsString()
                    + " --query \"[].[principalId, roleDefinitionId]\" -o tsv");
            w.put("roles", new TreeSet<>(roles.lines().toList()).toString());
            workspaces.put(name.getAsString(), w);
        }
        state.put("workspaces", workspaces);
        return state;
    }

    static Set<String> names(ShellHarness sh, String list) {
        return new TreeSet<>(sh.ok(list + " --query \"[].name\" -o tsv").lines().toList());
    }
}
