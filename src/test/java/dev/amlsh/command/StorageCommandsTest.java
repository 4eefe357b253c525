package dev.amlsh.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

/** {@code storage account ...} typed into the shell, against the sandbox over the real SDK. */
class StorageCommandsTest {
    static final String SUB = "0b1f6471-1bf0-4dda-aec3-111122223333";
    /** The keys {@code az storage account show} prints (azure-cli 2.6x). */
    static final List<String> AZ_KEYS = List.of("accessTier", "accountMigrationInProgress", "allowBlobPublicAccess",
            "allowCrossTenantReplication", "allowSharedKeyAccess", "allowedCopyScope", "azureFilesIdentityBasedAuthentication",
            "blobRestoreStatus", "creationTime", "customDomain", "defaultToOAuthAuthentication", "dnsEndpointType",
            "enableHttpsTrafficOnly", "enableNfsV3", "encryption", "extendedLocation", "failoverInProgress", "geoReplicationStats",
            "id", "identity", "immutableStorageWithVersioning", "isHnsEnabled", "isLocalUserEnabled", "isSftpEnabled",
            "isSkuConversionBlocked", "keyCreationTime", "keyPolicy", "kind", "largeFileSharesState", "lastGeoFailoverTime",
            "location", "minimumTlsVersion", "name", "networkRuleSet", "primaryEndpoints", "primaryLocation",
            "privateEndpointConnections", "provisioningState", "publicNetworkAccess", "resourceGroup", "routingPreference",
            "sasPolicy", "secondaryEndpoints", "secondaryLocation", "sku", "statusOfPrimary", "statusOfSecondary",
            "storageAccountSkuConversionStatus", "tags", "type");
    static ShellHarness sh;

    @BeforeAll
    static void start() {
        sh = ShellHarness.signedIn();
        sh.ok("group create -n rg1 -l eastus");
        sh.ok("group create -n rg2 -l westeurope");
        sh.ok("storage account create -n wfstorage -g rg1");
    }

    @AfterAll
    static void stop() {
        sh.close();
    }

    @Test
    void createPrintsTheAccountWithAzKeysAndDefaults() {
        JsonObject sa = json(sh.ok("storage account create -n createdsa -g rg2 --tags team=ml"));
        assertEquals(AZ_KEYS, new ArrayList<>(sa.keySet()));
        assertEquals("/subscriptions/" + SUB + "/resourceGroups/rg2/providers/Microsoft.Storage/storageAccounts/createdsa",
                sa.get("id").getAsString());
        assertEquals("rg2", sa.get("resourceGroup").getAsString());
        assertEquals("westeurope", sa.get("location").getAsString(), "defaults to the group's location");
        assertEquals("StorageV2", sa.get("kind").getAsString());
        assertEquals("{\"name\":\"Standard_LRS\",\"tier\":\"Standard\"}", sa.get("sku").toString());
        assertFalse(sa.get("isHnsEnabled").getAsBoolean());
        assertTrue(sa.get("enableHttpsTrafficOnly").getAsBoolean());
        assertEquals("Succeeded", sa.get("provisioningState").getAsString());
        assertEquals("https://createdsa.blob.core.windows.net/", sa.getAsJsonObject("primaryEndpoints").get("blob").getAsString());
        assertTrue(sa.get("creationTime").getAsString().endsWith("+00:00"), sa.get("creationTime").toString());
        assertTrue(sa.get("customDomain").isJsonNull());
        assertEquals("ml", sa.getAsJsonObject("tags").get("team").getAsString());
        assertEquals(List.of("blob", "file", "queue", "table"),
                new ArrayList<>(sa.getAsJsonObject("encryption").getAsJsonObject("services").keySet()));
    }

    @Test
    void createTakesSkuKindLocationAndHns() {
        JsonObject sa = json(sh.ok("storage account create -n adlssa -g rg1 -l westus2 --sku standard_grs --kind StorageV2 --hns true"));
        assertEquals("westus2", sa.get("location").getAsString());
        assertEquals("Standard_GRS", sa.getAsJsonObject("sku").get("name").getAsString());
        assertTrue(sa.get("isHnsEnabled").getAsBoolean());
        assertEquals("westcentralus", sa.get("secondaryLocation").getAsString());
        assertTrue(json(sh.ok("storage account create -n flagsa -g rg1 --enable-hierarchical-namespace")).get("isHnsEnabled").getAsBoolean());
    }

    @Test
    void showFindsByNameWithOrWithoutGroupAndQueryIdGivesTheId() {
        String id = "/subscriptions/" + SUB + "/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/wfstorage";
        assertEquals("\"" + id + "\"\n", sh.ok("storage account show --name wfstorage --query \"id\""));
        assertEquals(id + "\n", sh.ok("storage account show -n WFSTORAGE -g rg1 --query id -o tsv"));
        assertEquals(id + "\n", sh.ok("storage account show --ids " + id + " --query id -o tsv"));
        assertEquals(AZ_KEYS, new ArrayList<>(json(sh.ok("storage account show -n wfstorage")).keySet()));
    }

    @Test
    void missingAccountIsExitThreeInOneLine() {
        Run inGroup = sh.run("storage account show -n nosuchsa -g rg1");
        assertEquals(3, inGroup.exitCode(), inGroup.toString());
        assertEquals(1, inGroup.err().lines().count(), inGroup.err());
        assertTrue(inGroup.err().startsWith("ERROR: (ResourceNotFound) The Resource 'Microsoft.Storage/storageAccounts/nosuchsa'"),
                inGroup.err());
        Run anywhere = sh.run("storage account show -n nosuchsa");
        assertEquals(3, anywhere.exitCode(), anywhere.toString());
        assertTrue(anywhere.err().contains("storage account list"), anywhere.err());
        assertEquals(3, sh.run("storage account keys list -n nosuchsa").exitCode());
        assertEquals(3, sh.run("storage account delete -n nosuchsa --yes").exitCode());
    }

    @Test
    void badNamesSkusAndKindsAreUsageErrorsAndNothingIsCreated() {
        for (String line : new String[] {"storage account create -n Bad_Name -g rg1", "storage account create -n ab -g rg1",
                "storage account create -n skusa -g rg1 --sku Premium_GRS", "storage account create -n kindsa -g rg1 --kind Tape",
                "storage account create -n hnssa -g rg1 --hns maybe", "storage account show --ids /not/an/id"}) {
            Run r = sh.run(line);
            assertEquals(2, r.exitCode(), line + "\n" + r);
            assertEquals(1, r.err().lines().count(), r.err());
        }
        assertTrue(sh.run("storage account create -n skusa -g rg1 --sku Premium_GRS").err().contains("Premium_GRS"));
        assertEquals(3, sh.run("storage account show -n skusa").exitCode());
    }

    @Test
    void serviceRefusalsAreOneLineExitOneWithAHint() {
        Run taken = sh.run("storage account create -n wfstorage -g rg2");
        assertEquals(1, taken.exitCode(), taken.toString());
        assertEquals("ERROR: (StorageAccountInAnotherResourceGroup) The account wfstorage is already in another resource group in this"
                + " subscription. That account is in another group of this subscription: use its group (-g), or pick another name.\n",
                taken.err());
        try (ShellHarness other = ShellHarness.on(sh.home())) {
            other.ok("account set -s \"Sandbox Unregistered\"");
            other.ok("group create -n rg9 -l eastus");
            Run global = other.run("storage account create -n wfstorage -g rg9");
            assertEquals(1, global.exitCode(), global.toString());
            assertEquals("ERROR: (StorageAccountAlreadyTaken) The storage account named wfstorage is already taken."
                    + " Storage account names are global: pick another, e.g. with a suffix.\n", global.err());
        } finally {
            sh.ok("account set -s Sandbox");
        }
        Run blockStd = sh.run("storage account create -n blocksa -g rg1 --kind BlockBlobStorage");
        assertTrue(blockStd.err().startsWith("ERROR: (InvalidValuesForRequestParameters)"), blockStd.err());
    }

    @Test
    void listByGroupAndSubscription() {
        sh.ok("group create -n listrg -l eastus");
        sh.ok("storage account create -n listone -g listrg");
        sh.ok("storage account create -n listtwo -g listrg");
        assertEquals("listone\nlisttwo\n", sh.ok("storage account list -g listrg --query \"[].name\" -o tsv"));
        String all = sh.ok("storage account list --query \"[].name\" -o tsv");
        assertTrue(all.contains("wfstorage\n") && all.contains("listone\n"), all);
        String table = sh.ok("storage account list -g listrg -o table");
        assertTrue(table.startsWith("Name") && table.contains("Standard_LRS"), table);
        assertEquals(AZ_KEYS, new ArrayList<>(JsonParser.parseString(sh.ok("storage account list -g listrg")).getAsJsonArray().get(0)
                .getAsJsonObject().keySet()));
    }

    @Test
    void keysListAndRenew() {
        sh.ok("storage account create -n keysa -g rg1");
        JsonArray keys = JsonParser.parseString(sh.ok("storage account keys list -n keysa -g rg1")).getAsJsonArray();
        assertEquals(2, keys.size());
        JsonObject k1 = keys.get(0).getAsJsonObject();
        assertEquals(List.of("creationTime", "keyName", "permissions", "value"), new ArrayList<>(k1.keySet()));
        assertEquals("key1", k1.get("keyName").getAsString());
        assertEquals("FULL", k1.get("permissions").getAsString());
        JsonArray renewed = JsonParser.parseString(sh.ok("storage account keys renew -n keysa --key primary")).getAsJsonArray();
        assertNotEquals(k1.get("value"), renewed.get(0).getAsJsonObject().get("value"));
        assertEquals(keys.get(1), renewed.get(1));
        assertEquals(renewed.get(0).getAsJsonObject().get("value").getAsString() + "\n",
                sh.ok("storage account keys list -n keysa --query \"[0].value\" -o tsv"));
        assertEquals(2, sh.run("storage account keys renew -n keysa --key tertiary").exitCode());
        assertFalse(sh.ok("storage account show -n keysa").contains(renewed.get(0).getAsJsonObject().get("value").getAsString()));
    }

    @Test
    void checkNameSaysWhy() {
        assertEquals("{\n  \"message\": null,\n  \"nameAvailable\": true,\n  \"reason\": null\n}\n",
                sh.ok("storage account check-name -n freestorage"));
        JsonObject taken = json(sh.ok("storage account check-name -n wfstorage"));
        assertFalse(taken.get("nameAvailable").getAsBoolean());
        assertEquals("AlreadyExists", taken.get("reason").getAsString());
        assertEquals("AccountNameInvalid", json(sh.ok("storage account check-name -n Bad-Name")).get("reason").getAsString());
    }

    @Test
    void deleteNeedsYesThenFreesTheName() {
        sh.ok("storage account create -n doomedsa -g rg1");
        Run refused = sh.run("storage account delete -n doomedsa");
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("--yes"), refused.err());
        assertEquals("", sh.ok("storage account delete -n doomedsa --yes"));
        assertEquals(3, sh.run("storage account show -n doomedsa").exitCode());
        assertEquals("true\n", sh.ok("storage account check-name -n doomedsa --query nameAvailable"));
    }

    @Test
    void currentGroupIsTheDefault() {
        try (ShellHarness other = ShellHarness.on(sh.home())) {
            other.ok("use rg2");
            assertEquals("rg2\n", other.ok("storage account create -n usedgroupsa --query resourceGroup -o tsv"));
            assertEquals("usedgroupsa\n", other.ok("storage account list --query \"[?name=='usedgroupsa'].name\" -o tsv"));
        } finally {
            sh.ok("use --none"); // the current group is the home's setting, shared by every shell of it
        }
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String cmd : new String[] {"create", "show", "list", "delete", "keys list", "keys renew", "check-name"}) {
            String help = sh.ok("storage account " + cmd + " --help");
            assertTrue(help.contains("Examples:") && help.contains("  storage account " + cmd.split(" ")[0]), cmd + ":\n" + help);
        }
    }

    static JsonObject json(String out) {
        return JsonParser.parseString(out).getAsJsonObject();
    }
}
