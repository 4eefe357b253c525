package dev.amlsh.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.command.CommandIo;
import dev.amlsh.command.Greeting;
import dev.amlsh.command.TourStep;
import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The first minutes of someone learning: the greeting, every command line of the seed document
 * pasted as written (placeholders filled in), and the tour's v2 track.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FirstMinutesTest {
    /** The seed document's command lines in its order, placeholders filled in ('az login' is the sign-in the harness did). */
    static final List<String> SEED = List.of(
            "az account set -s Sandbox",
            "az group create --name fm-rg --location eastus",
            "az ml workspace create -w fm-ws -g fm-rg",
            "az storage account show --name STORAGE --query \"id\"",
            "az extension add -n application-insights",
            "az monitor app-insights component show --app INSIGHTS -g fm-rg --query \"id\"",
            "az keyvault show --name VAULT --query \"ID\"",
            "az acr show --name REGISTRY -g fm-rg --query \"id\"",
            "az workspace create -w fm-ws2 -g fm-rg",
            "az ml workspace create -w fm-ws2 -g fm-rg --container-registry \"REGISTRY_ID\"",
            "az ml workspace list",
            "az ml workspace show -w fm-ws -g fm-rg",
            "az ml workspace update -w fm-ws -g fm-rg",
            "az ml workspace share -w fm-ws -g fm-rg --user bob@sandbox.amlsh --role Reader",
            "az ml workspace sync-keys -w fm-ws -g fm-rg",
            "az ml workspace delete -w fm-ws -g fm-rg",
            "az group delete -g fm-rg --yes");

    @Test
    void everySeedLinePastedAsWrittenDoesWhatTheDocumentSaysOrSaysWhyNot() {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            String greeting = Greeting.text(sh.session());
            assertTrue(greeting.startsWith("Welcome to amlsh.\n  Cloud:        Sandbox, the local practice cloud"), greeting);
            assertTrue(greeting.contains("  Signed in as: admin@sandbox.amlsh\n  Subscription: Sandbox ("), greeting);
            assertTrue(greeting.contains("'tour'") && greeting.contains("'help'"), greeting);

            String storage = null;
            String insights = null;
            String vault = null;
            String registry = null;
            for (String template : SEED) {
                String line = template.replace("REGISTRY_ID", String.valueOf(registryId(sh, registry)))
                        .replace("STORAGE", String.valueOf(storage)).replace("INSIGHTS", String.valueOf(insights))
                        .replace("VAULT", String.valueOf(vault)).replace("REGISTRY", String.valueOf(registry));
                Run r = sh.run(line);
                switch (template) {
                    case "az extension add -n application-insights" -> {
                        assertEquals(0, r.exitCode(), r.toString());
                        assertEquals("Application Insights commands are built into amlsh: 'monitor app-insights component ...'."
                                + " Nothing to install.\n", r.err());
                    }
                    case "az workspace create -w fm-ws2 -g fm-rg" -> {
                        assertEquals(2, r.exitCode());
                        assertEquals("ERROR: 'workspace' is not a command. Did you mean 'ml workspace create'? See 'help ml workspace'.\n",
                                r.err());
                    }
                    case "az keyvault show --name VAULT --query \"ID\"" -> {
                        assertEquals(0, r.exitCode(), r.toString());
                        assertEquals("", r.out() + r.err(), "as az: JMESPath is case-sensitive, 'ID' matches nothing");
                    }
                    default -> assertEquals(0, r.exitCode(), line + "\n" + r);
                }
                if (template.equals("az ml workspace create -w fm-ws -g fm-rg")) {
                    storage = sh.ok("ml workspace show -w fm-ws -g fm-rg --query storageAccount -o tsv").strip().replaceAll(".*/", "");
                    insights = sh.ok("ml workspace show -w fm-ws -g fm-rg --query applicationInsights -o tsv").strip().replaceAll(".*/", "");
                    vault = sh.ok("ml workspace show -w fm-ws -g fm-rg --query keyVault -o tsv").strip().replaceAll(".*/", "");
                    registry = sh.ok("ml workspace show -w fm-ws -g fm-rg --query containerRegistry -o tsv").strip().replaceAll(".*/", "");
                }
            }
            // at a terminal the case slip gets a hint
            sh.ok("group create -n fm-rg2 -l eastus -o none");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                assertEquals(0, sh.dispatcher().dispatch("az group show -n fm-rg2 --query \"ID\"", new CommandIo(o, e, true, false, q -> true, null)));
            }
            assertEquals("", out.toString(StandardCharsets.UTF_8));
            assertEquals("Hint: --query is case-sensitive (JMESPath): the key is 'id', not 'ID'. Try --query id.\n", err.toString(StandardCharsets.UTF_8));
        }
    }

    static String registryId(ShellHarness sh, String registry) {
        return registry == null ? null : sh.ok("acr show --name " + registry + " -g fm-rg --query id -o tsv").strip();
    }

    @Test
    void theTourExplainsEachStepAndHasAV2Track() {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            String list = sh.ok("tour --v2 --list");
            assertTrue(list.startsWith("Step 1 of " + TourStep.WORKFLOW_V2.size() + " (§0): Pick the subscription\n"), list);
            assertTrue(list.contains("  ml workspace create -n tour-ws -g tour-rg\n  v1: ml workspace create -w tour-ws -g tour-rg\n"), list);
            assertTrue(list.contains("  role assignment create --assignee alice@sandbox.amlsh --role \"AzureML Data Scientist\" --scope $_.id\n"
                    + "  v1: ml workspace share -w tour-ws -g tour-rg --user alice@sandbox.amlsh --role \"AzureML Data Scientist\"\n"), list);

            Deque<String> answers = new ArrayDeque<>(List.of("", "", "", "", "", "q"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
            CommandIo io = new CommandIo(p, p, true, false, q -> true, null, q -> answers.poll());
            assertEquals(0, sh.dispatcher().dispatch("tour --v2", io));
            String shown = out.toString(StandardCharsets.UTF_8);
            assertTrue(shown.contains("  $ provider show -n Microsoft.MachineLearningServices --query registrationState -o tsv\n"
                    + "    v1: provider show -n Microsoft.MachineLearningServices --query registrationState -o tsv\nRegistered\n"), shown);
            assertTrue(shown.contains("ok: step 4 done."), shown);
            assertTrue(shown.contains("\"mlflow_tracking_uri\""), "step 4 printed the v2 object: " + shown);
            assertTrue(shown.contains("Tour stopped. Go on later with 'tour --v2 --from 6'."), shown);
        }
    }
}
