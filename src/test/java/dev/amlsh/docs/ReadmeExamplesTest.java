package dev.amlsh.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.testing.ShellHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's examples run as written, so they never rot (STYLE principle 14). */
class ReadmeExamplesTest {
    static final Path README = Path.of("README.md");

    /** The text of the first fenced block after a heading. */
    static List<String> block(String heading) throws Exception {
        List<String> lines = Files.readAllLines(README);
        int at = lines.indexOf(heading);
        assertTrue(at >= 0, "README has '" + heading + "'");
        int open = at + 1;
        while (!lines.get(open).startsWith("```")) {
            open++;
        }
        int close = open + 1;
        while (!lines.get(close).startsWith("```")) {
            close++;
        }
        return lines.subList(open + 1, close);
    }

    @Test
    void theFirstSessionPrintsWhatTheReadmeShows() throws Exception {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            String command = null;
            StringBuilder expected = new StringBuilder();
            List<String[]> steps = new ArrayList<>();
            for (String line : block("## A first session")) {
                int prompt = line.indexOf("> ");
                if (line.startsWith("amlsh ") && prompt > 0) {
                    if (command != null) {
                        steps.add(new String[] {command, expected.toString()});
                    }
                    command = line.substring(prompt + 2);
                    expected.setLength(0);
                } else if (command != null) {
                    expected.append(line).append('\n');
                }
            }
            assertFalse(steps.isEmpty());
            for (String[] step : steps) {
                if (step[0].equals("exit")) {
                    continue;
                }
                assertEquals(step[1], sh.ok(step[0]), "README: " + step[0]);
            }
        }
    }

    /** The workflow's commands, continuation lines joined and comments dropped. */
    static List<String> workflow() throws Exception {
        List<String> commands = new ArrayList<>();
        String pending = "";
        for (String raw : block("## The workspace workflow")) {
            String line = raw.replaceAll("\\s+#.*$", "").strip();
            if (line.endsWith("\\")) {
                pending += line.substring(0, line.length() - 1) + " ";
                continue;
            }
            line = pending + line;
            pending = "";
            if (!line.isEmpty()) {
                commands.add(line);
            }
        }
        return commands;
    }

    /**
     * Every line of the workflow, placeholders filled from what the earlier lines made, and what the
     * README says of each checked: the dependencies made for ws1, a second workspace on existing
     * resources, the update, the share, dependencies kept after the workspace delete, all gone after
     * the group delete.
     */
    @Test
    void theWorkflowDoesWhatTheReadmeSays() throws Exception {
        List<String> commands = workflow();
        assertEquals(12, commands.size(), "the README's workflow changed; update this test: " + commands);
        try (ShellHarness sh = ShellHarness.signedIn()) {
            String[] deps = {"storageAccount", "keyVault", "applicationInsights", "containerRegistry"};
            java.util.Map<String, String> ws1 = new java.util.HashMap<>();
            for (String line : commands) {
                String command = line.replaceFirst("^az ", "");
                if (command.startsWith("storage account show --name <sa>")) {
                    String sa = ws1.get("storageAccount").replaceAll(".*/", "");
                    assertEquals(("\"" + ws1.get("storageAccount") + "\"\n").toLowerCase(java.util.Locale.ROOT),
                            sh.ok(command.replace("<sa>", sa)).toLowerCase(java.util.Locale.ROOT), "README: " + line);
                    continue;
                }
                if (command.contains("<id>")) {
                    for (String dep : deps) {
                        command = command.replaceFirst("<id>", java.util.regex.Matcher.quoteReplacement(ws1.get(dep)));
                    }
                }
                assertFalse(command.contains("<"), command);
                String out = sh.ok(command);
                if (command.startsWith("ml workspace create -w ws1")) {
                    com.google.gson.JsonObject made = com.google.gson.JsonParser.parseString(out).getAsJsonObject();
                    assertEquals("ws1", made.get("name").getAsString(), out);
                    for (String dep : deps) {
                        ws1.put(dep, made.get(dep).getAsString());
                        assertEquals(0, sh.run(show(dep, made.get(dep).getAsString())).exitCode(), "README: made for it: " + dep);
                    }
                } else if (command.startsWith("ml workspace create -w ws2")) {
                    com.google.gson.JsonObject made = com.google.gson.JsonParser.parseString(out).getAsJsonObject();
                    for (String dep : deps) {
                        assertEquals(ws1.get(dep).toLowerCase(java.util.Locale.ROOT), made.get(dep).getAsString().toLowerCase(java.util.Locale.ROOT),
                                "README: ws2 uses the existing " + dep);
                    }
                } else if (command.equals("ml workspace list")) {
                    assertEquals("ws1\nws2\n", sh.ok("ml workspace list --query \"sort([].workspaceName)[]\" -o tsv"));
                } else if (command.startsWith("ml workspace show -w ws1")) {
                    assertEquals("ws1", com.google.gson.JsonParser.parseString(out).getAsJsonObject().get("name").getAsString());
                } else if (command.startsWith("ml workspace update")) {
                    // a top-level list prints one value per row in tsv, as az does
                    assertEquals("Team\nml\n", sh.ok("ml workspace show -w ws1 -g rg1 --query \"[friendlyName, tags.team]\" -o tsv"));
                } else if (command.startsWith("ml workspace share")) {
                    String scope = ws1.get("storageAccount").replaceAll("(?i)/providers/.*", "")
                            + "/providers/Microsoft.MachineLearningServices/workspaces/ws1";
                    assertEquals("AzureML Data Scientist\n", sh.ok("role assignment list --assignee bob@sandbox.amlsh --scope " + scope
                            + " --query \"[].roleDefinitionName\" -o tsv"));
                } else if (command.startsWith("ml workspace delete -w ws1")) {
                    for (String dep : deps) {
                        assertEquals(0, sh.run(show(dep, ws1.get(dep))).exitCode(), "README: its dependencies stay: " + dep);
                    }
                } else if (command.startsWith("group delete -g rg1")) {
                    assertEquals("false\n", sh.ok("group exists -n rg1"), "README: everything goes");
                }
            }
        }
    }

    private static String show(String dependency, String id) {
        String name = id.replaceAll(".*/", "");
        return switch (dependency) {
            case "storageAccount" -> "storage account show -n " + name + " -g rg1 -o none";
            case "keyVault" -> "keyvault show -n " + name + " -g rg1 -o none";
            case "applicationInsights" -> "monitor app-insights component show --app " + name + " -g rg1 -o none";
            default -> "acr show -n " + name + " -g rg1 -o none";
        };
    }
}
