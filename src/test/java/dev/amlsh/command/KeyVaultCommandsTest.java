package dev.amlsh.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code keyvault ...} typed into the shell, against the sandbox over the real SDK. */
class KeyVaultCommandsTest {
    static final String SUB = "0b1f6471-1bf0-4dda-aec3-111122223333";
    static final String TENANT = "5a6d7e8f-0c1b-4d2e-9f3a-777788889999";
    static final String ADMIN_OID = "a0000000-0000-4000-8000-00000000ad01";
    /** The keys {@code az keyvault show} prints, and those of its {@code properties}. */
    static final List<String> AZ_KEYS = List.of("id", "location", "name", "properties", "resourceGroup", "systemData", "tags", "type");
    static final List<String> AZ_PROPERTIES = List.of("accessPolicies", "createMode", "enablePurgeProtection", "enableRbacAuthorization",
            "enableSoftDelete", "enabledForDeployment", "enabledForDiskEncryption", "enabledForTemplateDeployment", "hsmPoolResourceId",
            "networkAcls", "privateEndpointConnections", "provisioningState", "publicNetworkAccess", "sku", "softDeleteRetentionInDays",
            "tenantId", "vaultUri");
    static ShellHarness sh;

    @BeforeAll
    static void start() {
        sh = ShellHarness.signedIn();
        sh.ok("group create -n rg1 -l eastus");
        sh.ok("group create -n rg2 -l westeurope");
        sh.ok("keyvault create -n wf-kv-01 -g rg1");
    }

    @AfterAll
    static void stop() {
        sh.close();
    }

    @Test
    void createPrintsTheVaultAsAzDoes() {
        JsonObject kv = json(sh.ok("keyvault create -n Created-KV -g rg2 --tags team=ml"));
        assertEquals(AZ_KEYS, new ArrayList<>(kv.keySet()));
        JsonObject p = kv.getAsJsonObject("properties");
        assertEquals(AZ_PROPERTIES, new ArrayList<>(p.keySet()));
        assertEquals("/subscriptions/" + SUB + "/resourceGroups/rg2/providers/Microsoft.KeyVault/vaults/Created-KV", kv.get("id").getAsString());
        assertEquals("westeurope", kv.get("location").getAsString(), "defaults to the group's location");
        assertEquals("rg2", kv.get("resourceGroup").getAsString());
        assertEquals("https://created-kv.vault.azure.net/", p.get("vaultUri").getAsString());
        assertEquals(TENANT, p.get("tenantId").getAsString());
        assertEquals("{\"family\":\"A\",\"name\":\"standard\"}", p.get("sku").toString());
        assertTrue(p.get("enableSoftDelete").getAsBoolean());
        assertEquals(90, p.get("softDeleteRetentionInDays").getAsInt());
        JsonObject policy = p.getAsJsonArray("accessPolicies").get(0).getAsJsonObject();
        assertEquals(ADMIN_OID, policy.get("objectId").getAsString(), "the signed-in user gets an access policy");
        assertEquals(List.of("certificates", "keys", "secrets", "storage"), new ArrayList<>(policy.getAsJsonObject("permissions").keySet()));
        assertTrue(kv.getAsJsonObject("systemData").get("createdAt").getAsString().endsWith("+00:00"));
        assertEquals("premium", json(sh.ok("keyvault create -n premium-kv -g rg1 -l westus --sku premium"))
                .getAsJsonObject("properties").getAsJsonObject("sku").get("name").getAsString());
    }

    @Test
    void showWorksWithOrWithoutGroupAndTheWorkflowsCapitalIdPrintsNothing() {
        String id = "/subscriptions/" + SUB + "/resourceGroups/rg1/providers/Microsoft.KeyVault/vaults/wf-kv-01";
        assertEquals("\"" + id + "\"\n", sh.ok("keyvault show --name wf-kv-01 --query \"id\""));
        assertEquals(id + "\n", sh.ok("keyvault show -n WF-KV-01 -g rg1 --query id -o tsv"));
        Run capital = sh.run("keyvault show --name wf-kv-01 --query \"ID\"");
        assertEquals(0, capital.exitCode(), capital.toString());
        assertEquals("", capital.out());
        assertEquals("", capital.err());
    }

    @Test
    void missingVaultIsExitThree() {
        Run inGroup = sh.run("keyvault show -n no-such-kv -g rg1");
        assertEquals(3, inGroup.exitCode(), inGroup.toString());
        assertTrue(inGroup.err().startsWith("ERROR: (ResourceNotFound) The Resource 'Microsoft.KeyVault/vaults/no-such-kv'"), inGroup.err());
        assertEquals(1, inGroup.err().lines().count());
        Run anywhere = sh.run("keyvault show -n no-such-kv");
        assertEquals(3, anywhere.exitCode());
        assertTrue(anywhere.err().contains("keyvault list"), anywhere.err());
        assertEquals(3, sh.run("keyvault delete -n no-such-kv").exitCode());
        assertEquals(3, sh.run("keyvault purge -n no-such-kv").exitCode());
    }

    @Test
    void badNamesAndSkusAreUsageErrors() {
        for (String line : new String[] {"keyvault create -n 1kv -g rg1", "keyvault create -n kv--double -g rg1",
                "keyvault create -n kv- -g rg1", "keyvault create -n ab -g rg1", "keyvault create -n " + "k".repeat(25) + " -g rg1",
                "keyvault create -n goldkv -g rg1 --sku gold"}) {
            Run r = sh.run(line);
            assertEquals(2, r.exitCode(), line + "\n" + r);
            assertEquals(1, r.err().lines().count(), r.err());
        }
        assertEquals(3, sh.run("keyvault show -n goldkv").exitCode());
    }

    @Test
    void namesAreGlobalAndDeletedVaultsKeepThemUntilPurged() {
        Run taken = sh.run("keyvault create -n wf-kv-01 -g rg2");
        assertEquals(1, taken.exitCode(), taken.toString());
        assertTrue(taken.err().startsWith("ERROR: (VaultAlreadyExists) The vault name 'wf-kv-01' is already in use."), taken.err());
        assertTrue(taken.err().contains("keyvault purge"), taken.err());

        sh.ok("keyvault create -n soft-kv -g rg1");
        assertEquals("", sh.ok("keyvault delete -n soft-kv"));
        assertEquals(3, sh.run("keyvault show -n soft-kv").exitCode());
        JsonArray deleted = JsonParser.parseString(sh.ok("keyvault list-deleted")).getAsJsonArray();
        JsonObject d = deleted.asList().stream().map(e -> e.getAsJsonObject())
                .filter(e -> e.get("name").getAsString().equals("soft-kv")).findFirst().orElseThrow();
        assertEquals(List.of("id", "name", "properties", "type"), new ArrayList<>(d.keySet()));
        assertEquals(List.of("deletionDate", "location", "purgeProtectionEnabled", "scheduledPurgeDate", "tags", "vaultId"),
                new ArrayList<>(d.getAsJsonObject("properties").keySet()));
        Run again = sh.run("keyvault create -n soft-kv -g rg1");
        assertEquals(1, again.exitCode());
        assertTrue(again.err().startsWith("ERROR: (ConflictError) A vault with the same name already exists in deleted state."), again.err());
        assertEquals("", sh.ok("keyvault purge -n soft-kv"));
        assertEquals("[]\n", sh.ok("keyvault list-deleted --query \"[?name=='soft-kv']\""));
        assertEquals("soft-kv\n", sh.ok("keyvault create -n soft-kv -g rg2 --query name -o tsv"));
    }

    @Test
    void purgeTakesALocationAndGroupDeleteSoftDeletes() {
        sh.ok("group create -n gone-rg -l eastus");
        sh.ok("keyvault create -n gone-kv -g gone-rg");
        sh.ok("group delete -n gone-rg --yes");
        assertEquals("gone-kv\n", sh.ok("keyvault list-deleted --query \"[?name=='gone-kv'].name\" -o tsv"));
        Run wrong = sh.run("keyvault purge -n gone-kv -l westus");
        assertEquals(3, wrong.exitCode(), wrong.toString());
        assertEquals("", sh.ok("keyvault purge -n gone-kv -l eastus"));
        assertEquals("", sh.ok("keyvault list-deleted --query \"[?name=='gone-kv'].name\" -o tsv"));
    }

    @Test
    void listsByGroupAndSubscriptionInAzsShortForm() {
        sh.ok("group create -n list-rg -l eastus");
        sh.ok("keyvault create -n list-kv-a -g list-rg");
        sh.ok("keyvault create -n list-kv-b -g list-rg");
        JsonArray inGroup = JsonParser.parseString(sh.ok("keyvault list -g list-rg")).getAsJsonArray();
        assertEquals(2, inGroup.size());
        assertEquals(List.of("id", "location", "name", "resourceGroup", "tags", "type"),
                new ArrayList<>(inGroup.get(0).getAsJsonObject().keySet()));
        String all = sh.ok("keyvault list --query \"[].name\" -o tsv");
        assertTrue(all.contains("list-kv-a\n") && all.contains("wf-kv-01\n"), all);
        assertTrue(sh.ok("keyvault list -g list-rg -o table").startsWith("Location"));
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String cmd : new String[] {"create", "show", "list", "delete", "list-deleted", "purge"}) {
            String help = sh.ok("keyvault " + cmd + " --help");
            assertTrue(help.contains("Examples:") && help.contains("  keyvault " + cmd), cmd + ":\n" + help);
        }
    }

    static JsonObject json(String out) {
        return JsonParser.parseString(out).getAsJsonObject();
    }
}
