package dev.amlsh.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed workflow, typed as the document writes it (after {@code az}), against the sandbox over
 * the real SDK: the JSON key sets of §2 and §6, and the lookups of §3.
 */
class WorkspaceWorkflowTest {
    static final Set<String> SECTION_2 = Set.of("applicationInsights", "containerRegistry", "creationTime", "description",
            "friendlyName", "id", "identityPrincipalId", "identityTenantId", "identityType", "keyVault", "location", "name",
            "resourceGroup", "storageAccount", "type", "workspaceid");
    static ShellHarness sh;

    @BeforeAll
    static void start() {
        sh = ShellHarness.signedIn();
        sh.ok("az group create --name wf-rg --location eastus");
    }

    @AfterAll
    static void stop() {
        sh.close();
    }

    @Test
    void createWithDependentServicesMadeAutomatically() {
        JsonObject ws = json(sh.ok("az ml workspace create -w wf-ws1 -g wf-rg"));
        assertEquals(SECTION_2, new TreeSet<>(ws.keySet()));
        assertEquals("wf-ws1", ws.get("name").getAsString());
        assertEquals("wf-ws1", ws.get("friendlyName").getAsString());
        assertEquals("wf-rg", ws.get("resourceGroup").getAsString());
        assertEquals("eastus", ws.get("location").getAsString());
        assertEquals("SystemAssigned", ws.get("identityType").getAsString());
        assertEquals("Microsoft.MachineLearningServices/workspaces", ws.get("type").getAsString());
        assertTrue(ws.get("workspaceid").getAsString().matches("[0-9a-f-]{36}"), ws.toString());
        assertTrue(ws.get("creationTime").getAsString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}\\+00:00"),
                ws.get("creationTime").getAsString());
        for (String dependency : new String[] {"storageAccount", "keyVault", "applicationInsights", "containerRegistry"}) {
            String id = ws.get(dependency).getAsString();
            assertTrue(id.toLowerCase().contains("/resourcegroups/wf-rg/providers/"), dependency + " " + id);
        }
        String storageName = ws.get("storageAccount").getAsString().replaceAll(".*/", "");
        assertEquals(ws.get("storageAccount").getAsString(), sh.ok("az storage account show --name " + storageName + " --query id -o tsv").strip());
    }

    @Test
    void listShowAndUpdateHaveTheDocumentsShapes() {
        sh.ok("ml workspace create -w wf-ws2 -g wf-rg -o none");
        JsonArray list = JsonParser.parseString(sh.ok("az ml workspace list")).getAsJsonArray();
        assertTrue(list.size() >= 1);
        for (var item : list) {
            assertEquals(Set.of("resourceGroup", "subscriptionId", "workspaceName"), item.getAsJsonObject().keySet());
        }
        Set<String> withTags = new TreeSet<>(SECTION_2);
        withTags.add("tags");
        JsonObject shown = json(sh.ok("az ml workspace show -w WF-WS2 -g wf-rg"));
        assertEquals(withTags, shown.keySet());
        assertEquals("wf-ws2", shown.get("name").getAsString());
        JsonObject updated = json(sh.ok("az ml workspace update -w wf-ws2 -g wf-rg --friendly-name Team --description \"For the team\" --tags team=ml"));
        assertEquals(withTags, updated.keySet());
        assertEquals("Team", updated.get("friendlyName").getAsString());
        assertEquals("For the team", updated.get("description").getAsString());
        assertEquals("ml", updated.getAsJsonObject("tags").get("team").getAsString());
    }

    @Test
    void useExistingResourcesByIdFromTheLookups() {
        sh.ok("storage account create -n wfexistingsa -g wf-rg -l eastus -o none");
        sh.ok("keyvault create -n wf-existing-kv -g wf-rg -l eastus -o none");
        sh.ok("monitor app-insights component create --app wf-existing-ai -g wf-rg -l eastus -o none");
        sh.ok("acr create -n wfexistingacr -g wf-rg -l eastus --sku Basic --admin-enabled true -o none");
        String sa = sh.ok("az storage account show --name wfexistingsa --query \"id\" -o tsv").strip();
        String ai = sh.ok("az monitor app-insights component show --app wf-existing-ai -g wf-rg --query \"id\" -o tsv").strip();
        String kv = sh.ok("az keyvault show --name wf-existing-kv --query \"id\" -o tsv").strip();
        String acr = sh.ok("az acr show --name wfexistingacr -g wf-rg --query \"id\" -o tsv").strip();
        assertEquals("", sh.ok("az keyvault show --name wf-existing-kv --query \"ID\""), "JMESPath is case-sensitive");
        JsonObject ws = json(sh.ok("az ml workspace create -w wf-ws3 -g wf-rg --storage-account " + sa
                + " --application-insights " + ai + " --keyvault " + kv + " --container-registry " + acr));
        assertEquals(sa.toLowerCase(), ws.get("storageAccount").getAsString().toLowerCase());
        assertEquals(kv.toLowerCase(), ws.get("keyVault").getAsString().toLowerCase());
        assertEquals(ai.toLowerCase(), ws.get("applicationInsights").getAsString().toLowerCase());
        assertEquals(acr.toLowerCase(), ws.get("containerRegistry").getAsString().toLowerCase());
    }

    @Test
    void deletingTheWorkspaceKeepsItsDependenciesAndDeletingTheGroupRemovesEverything() {
        sh.ok("group create -n wf-del -l eastus -o none");
        JsonObject ws = json(sh.ok("ml workspace create -w wf-gone -g wf-del"));
        sh.ok("az ml workspace delete -w wf-gone -g wf-del");
        assertEquals(3, sh.run("ml workspace show -w wf-gone -g wf-del").exitCode());
        String storage = ws.get("storageAccount").getAsString();
        assertEquals(storage, sh.ok("storage account show --ids " + storage + " --query id -o tsv").strip());
        sh.ok("az group delete -g wf-del --yes");
        assertEquals("false\n", sh.ok("group exists -n wf-del"));
        assertEquals(3, sh.run("storage account show --ids " + storage).exitCode());
    }

    @Test
    void missingNamesAreNotFoundAndBadNamesAreUsageErrors() {
        Run missing = sh.run("ml workspace show -w nosuchws -g wf-rg");
        assertEquals(3, missing.exitCode());
        assertEquals(1, missing.err().lines().count(), missing.err());
        Run badName = sh.run("ml workspace create -w \"no spaces allowed\" -g wf-rg");
        assertEquals(2, badName.exitCode());
        assertTrue(badName.err().contains("Workspace name 'no spaces allowed' is invalid"), badName.err());
        Run noGroup = sh.run("ml workspace create -w okname -g nosuchgroup");
        assertEquals(3, noGroup.exitCode());
        assertTrue(noGroup.err().contains("--yes"), noGroup.err());
        Run badId = sh.run("ml workspace create -w okname -g wf-rg --storage-account mysa");
        assertEquals(2, badId.exitCode());
        assertTrue(badId.err().contains("is not a resource ID"), badId.err());
        assertEquals(2, sh.run("ml workspace craete -w x").exitCode());
    }

    static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }
}
