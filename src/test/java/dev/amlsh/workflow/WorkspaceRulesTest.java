package dev.amlsh.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the workspace workflow, broken on purpose through the shell: the one-line error,
 * the exit code, and that nothing half-made is left behind.
 */
class WorkspaceRulesTest {
    static ShellHarness sh;

    @BeforeAll
    static void start() {
        sh = ShellHarness.signedIn();
        sh.ok("group create -n rules -l eastus -o none");
    }

    @AfterAll
    static void stop() {
        sh.close();
    }

    static String count(String type) {
        return sh.ok("group list --query \"length([])\" -o tsv").strip() + "/"
                + sh.ok(type + " list -g rules --query \"length([])\" -o tsv").strip();
    }

    static void assertOneLine(Run r, int code, String contains) {
        assertEquals(code, r.exitCode(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("ERROR: "), r.err());
        assertTrue(r.err().contains(contains), r.err());
        assertEquals("", r.out());
    }

    @Test
    void premiumOrHierarchicalStorageIsRefusedBeforeAnythingIsMade() {
        sh.ok("storage account create -n rulespremium -g rules -l eastus --sku Premium_LRS --kind BlockBlobStorage -o none");
        sh.ok("storage account create -n ruleshns -g rules -l eastus --hns true -o none");
        String before = count("storage account");
        String premium = sh.ok("storage account show -n rulespremium -g rules --query id -o tsv").strip();
        assertOneLine(sh.run("ml workspace create -w rules-p -g rules --storage-account " + premium), 2, "Premium");
        String hns = sh.ok("storage account show -n ruleshns -g rules --query id -o tsv").strip();
        assertOneLine(sh.run("ml workspace create -w rules-h -g rules --storage-account " + hns), 2, "hierarchical namespace");
        assertEquals(before, count("storage account"));
        assertEquals(3, sh.run("ml workspace show -w rules-p -g rules").exitCode());
    }

    @Test
    void registryNeedsItsAdminUserAndAnAsciiGroup() {
        sh.ok("acr create -n rulesnoadmin -g rules -l eastus --sku Basic -o none");
        String acr = sh.ok("acr show -n rulesnoadmin -g rules --query id -o tsv").strip();
        assertOneLine(sh.run("ml workspace create -w rules-acr -g rules --container-registry " + acr), 2, "admin user");
        sh.ok("acr update -n rulesnoadmin -g rules --admin-enabled true -o none");
        sh.ok("group create -n 규칙그룹 -l eastus -o none");
        assertOneLine(sh.run("ml workspace create -w rules-uni -g 규칙그룹"), 2, "Unicode");
        assertEquals("[]\n", sh.ok("storage account list -g 규칙그룹 --query \"[].name\""));
    }

    @Test
    void unregisteredProviderFailsWithNothingCreated() {
        String sub = "--subscription \"Sandbox Unregistered\"";
        sh.ok("group create -n unreg -l eastus -o none " + sub);
        Run r = sh.run("ml workspace create -w rules-unreg -g unreg " + sub);
        assertOneLine(r, 1, "MissingSubscriptionRegistration");
        assertTrue(r.err().contains("provider register -n Microsoft.MachineLearningServices"), r.err());
        assertEquals("[]\n", sh.ok("storage account list -g unreg --query \"[].name\" " + sub));
    }

    @Test
    void hbiAndStorageCannotChangeAfterCreation() {
        sh.ok("ml workspace create -w rules-hbi -g rules -o none");
        Run again = sh.run("ml workspace create -w rules-hbi -g rules");
        assertOneLine(again, 1, "--exist-ok");
        assertEquals(0, sh.run("ml workspace create -w rules-hbi -g rules --exist-ok -o none").exitCode());
        Run hbi = sh.run("ml workspace create -w rules-hbi -g rules --exist-ok --hbi-workspace");
        assertEquals(2, hbi.exitCode(), hbi.toString());
        assertTrue(hbi.err().toLowerCase().contains("hbi"), hbi.err());
    }

    @Test
    void noPrivateLinkInGovernmentRegions() {
        sh.ok("group create -n gov -l usgovvirginia -o none");
        Run r = sh.run("ml workspace create -w rules-gov -g gov --pe-name gov-pe --pe-vnet-name vnet1");
        assertOneLine(r, 2, "Government");
        assertEquals("[]\n", sh.ok("storage account list -g gov --query \"[].name\""));
    }

    @Test
    void privateEndpointNeedsAnExistingSubnet() {
        Run missing = sh.run("ml workspace create -w rules-pe -g rules --pe-name rules-pe-ep --pe-vnet-name novnet --pe-auto-approval");
        assertOneLine(missing, 3, "network vnet create");
        assertEquals(3, sh.run("ml workspace show -w rules-pe -g rules").exitCode());
        sh.ok("network vnet create -n rules-vnet -g rules --subnet-name default -o none");
        JsonObject ws = JsonParser.parseString(sh.ok("ml workspace create -w rules-pe -g rules --pe-name rules-pe-ep "
                + "--pe-vnet-name rules-vnet --pe-auto-approval")).getAsJsonObject();
        assertEquals("rules-pe", ws.get("name").getAsString());
    }

    @Test
    void softDeletedNameIsBlockedUntilPurgedAndARerunFinishesWithoutDuplicates() {
        sh.ok("group create -n soft -l eastus -o none");
        sh.ok("ml workspace create -w rules-soft -g soft -o none");
        sh.ok("ml workspace delete -w rules-soft -g soft");
        Run blocked = sh.run("ml workspace create -w rules-soft -g soft");
        assertEquals(1, blocked.exitCode(), blocked.toString());
        assertTrue(blocked.err().toLowerCase().contains("soft-deleted") || blocked.err().toLowerCase().contains("soft deleted"),
                blocked.err());
        sh.ok("ml workspace delete -w rules-soft -g soft --permanently-delete --yes");
        String accounts = sh.ok("storage account list -g soft --query \"length([])\" -o tsv");
        JsonObject ws = JsonParser.parseString(sh.ok("ml workspace create -w rules-soft -g soft")).getAsJsonObject();
        assertEquals("rules-soft", ws.get("name").getAsString());
        assertEquals(accounts, sh.ok("storage account list -g soft --query \"length([])\" -o tsv"),
                "the second run reuses the storage account the first one made");
    }

    @Test
    void customerManagedKeyMakesTheManagedGroup() {
        sh.ok("keyvault create -n rules-cmk-kv -g rules -l eastus -o none");
        String kv = sh.ok("keyvault show -n rules-cmk-kv -g rules --query id -o tsv").strip();
        assertOneLine(sh.run("ml workspace create -w rules-cmk -g rules --cmk-keyvault " + kv), 2, "--resource-cmk-uri");
        sh.ok("ml workspace create -w rules-cmk -g rules --cmk-keyvault " + kv
                + " --resource-cmk-uri https://rules-cmk-kv.vault.azure.net/keys/k1/0123456789abcdef0123456789abcdef --hbi-workspace -o none");
        String groups = sh.ok("group list --query \"[].name\" -o tsv");
        assertTrue(groups.lines().anyMatch(g -> g.matches("rules_[0-9a-f]{32}")), groups);
    }

    @Test
    void diagnoseReportsADeletedRegistryAndSyncKeysPicksUpNewKeys() {
        JsonObject ws = JsonParser.parseString(sh.ok("ml workspace create -w rules-diag -g rules")).getAsJsonObject();
        String healthy = sh.ok("ml workspace diagnose -w rules-diag -g rules --query \"value.containerRegistryResults\" -o json");
        assertEquals("[]\n", healthy);
        String acr = ws.get("containerRegistry").getAsString().replaceAll(".*/", "");
        sh.ok("acr delete -n " + acr + " -g rules --yes");
        String broken = sh.ok("ml workspace diagnose -w rules-diag -g rules --query \"value.containerRegistryResults[0].level\" -o tsv");
        assertEquals("Error\n", broken);

        String storage = ws.get("storageAccount").getAsString().replaceAll(".*/", "");
        String before = sh.ok("ml workspace list-keys -w rules-diag -g rules --query userStorageKey -o tsv");
        sh.ok("storage account keys renew -n " + storage + " -g rules --key primary -o none");
        assertEquals(before, sh.ok("ml workspace list-keys -w rules-diag -g rules --query userStorageKey -o tsv"));
        sh.ok("ml workspace sync-keys -w rules-diag -g rules");
        assertNotEquals(before, sh.ok("ml workspace list-keys -w rules-diag -g rules --query userStorageKey -o tsv"));
    }

    @Test
    void shareGivesTheUserARoleOnTheWorkspace() {
        sh.ok("ml workspace create -w rules-share -g rules -o none");
        sh.ok("az ml workspace share -w rules-share -g rules --user bob@sandbox.amlsh --role \"AzureML Data Scientist\" -o none");
        String scope = sh.ok("ml workspace show -w rules-share -g rules --query id -o tsv").strip();
        String roles = sh.ok("role assignment list --assignee bob@sandbox.amlsh --scope " + scope + " --query \"[].roleDefinitionName\" -o tsv");
        assertEquals("AzureML Data Scientist\n", roles);
        Run badRole = sh.run("ml workspace share -w rules-share -g rules --user bob@sandbox.amlsh --role Wizard");
        assertEquals(3, badRole.exitCode(), badRole.toString());
        assertEquals(1, badRole.err().lines().count(), badRole.err());
    }
}
