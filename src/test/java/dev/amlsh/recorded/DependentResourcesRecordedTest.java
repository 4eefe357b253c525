package dev.amlsh.recorded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The seed's step 3 (getting the IDs of existing storage, key vault, registry and Application
 * Insights with {@code --query id}) and the creates behind it, on Azure's recorded answers (the
 * Azure CLI's storage, key vault, container registry and Application Insights cassettes): what a
 * user sees is Azure's id, name and provisioning state, exit 0; an account or group that does
 * not exist is one line with Azure's code and message, exit 3.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DependentResourcesRecordedTest {
    private static final String SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    @Test
    void storageAccountShowAndItsNotFoundAnswers() {
        try (RecordedAzure azure = RecordedAzure.start()) {
            azure.replay("storage/storage_account_show_exit_codes.json");
            ShellHarness sh = azure.shell();
            String id = SUB + "/resourceGroups/clitest.rg000001/providers/Microsoft.Storage/storageAccounts/clitest000002";
            assertEquals(id + "\n", sh.ok("storage account show -n clitest000002 -g clitest.rg000001 --query id -o tsv"));
            JsonObject sa = json(sh.ok("storage account show -n clitest000002 -g clitest.rg000001"));
            assertEquals(id, sa.get("id").getAsString());
            assertEquals("Succeeded", sa.get("provisioningState").getAsString());
            assertEquals("Standard_LRS", sa.getAsJsonObject("sku").get("name").getAsString());
            assertEquals("clitest.rg000001", sa.get("resourceGroup").getAsString());

            Run group = sh.run("storage account show -n clitest000002 -g fake_group");
            assertEquals(3, group.exitCode(), group.toString());
            assertEquals("", group.out());
            assertEquals(1, group.err().lines().count(), group.err());
            assertTrue(group.err().startsWith("ERROR: (ResourceGroupNotFound) Resource group 'fake_group' could not be found."),
                    group.err());

            Run account = sh.run("storage account show -n fake_account -g clitest.rg000001");
            assertEquals(3, account.exitCode(), account.toString());
            assertEquals("", account.out());
            assertEquals("ERROR: (ResourceNotFound) The Resource 'Microsoft.Storage/storageAccounts/fake_account' under resource group"
                    + " 'clitest.rg000001' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix\n", account.err());
            assertTrue(azure.server().unmatched().isEmpty(), azure.server().unmatched().toString());
        }
    }

    @Test
    void storageAccountCreateFollowsAzuresLocationToTheAccount() {
        try (RecordedAzure azure = RecordedAzure.start()) {
            azure.server().retryAfterWhenAbsent("1");
            azure.replay("storage/create_storage_account.json");
            JsonObject sa = json(azure.shell().ok("storage account create -n cli000002 -g clitest.rg000001 -l westus --kind StorageV2"));
            assertEquals(SUB + "/resourceGroups/clitest.rg000001/providers/Microsoft.Storage/storageAccounts/cli000002",
                    sa.get("id").getAsString());
            assertEquals("cli000002", sa.get("name").getAsString());
            assertEquals("Succeeded", sa.get("provisioningState").getAsString());
            assertEquals("StorageV2", sa.get("kind").getAsString());
            assertEquals("https://cli000002.blob.core.windows.net/", sa.getAsJsonObject("primaryEndpoints").get("blob").getAsString());
            List<String> sent = azure.server().requests().stream().filter(r -> r.path().contains("Microsoft.Storage"))
                    .map(r -> r.method() + " " + r.path().substring(r.path().lastIndexOf("/providers/"))).toList();
            assertTrue(sent.contains("PUT /providers/Microsoft.Storage/storageAccounts/cli000002"), sent.toString());
            assertTrue(sent.stream().anyMatch(s -> s.startsWith("GET /providers/Microsoft.Storage/locations/westus/asyncoperations/")),
                    "polled Azure's Location: " + sent);
            assertTrue(azure.server().unmatched().isEmpty(), azure.server().unmatched().toString());
        }
    }

    @Test
    void keyVaultShowPrintsAzuresVault() {
        try (RecordedAzure azure = RecordedAzure.start()) {
            azure.replay("keyvault/keyvault_softdelete.json");
            ShellHarness sh = azure.shell();
            String id = SUB + "/resourceGroups/cli_test_keyvault_sd000001/providers/Microsoft.KeyVault/vaults/cli-test-kv-sd-000002";
            JsonObject kv = json(sh.ok("keyvault show -n cli-test-kv-sd-000002 -g cli_test_keyvault_sd000001"));
            assertEquals(id, kv.get("id").getAsString());
            assertEquals("cli-test-kv-sd-000002", kv.get("name").getAsString());
            assertEquals("eastus2", kv.get("location").getAsString());
            assertEquals("Succeeded", kv.getAsJsonObject("properties").get("provisioningState").getAsString());
            assertEquals("https://cli-test-kv-sd-000002.vault.azure.net/", kv.getAsJsonObject("properties").get("vaultUri").getAsString());
            assertEquals(id + "\n", sh.ok("keyvault show -n cli-test-kv-sd-000002 -g cli_test_keyvault_sd000001 --query id -o tsv"));
            assertTrue(azure.server().unmatched().isEmpty(), azure.server().unmatched().toString());
        }
    }

    @Test
    void containerRegistryCreateAndShow() {
        try (RecordedAzure azure = RecordedAzure.start()) {
            azure.server().retryAfterWhenAbsent("1");
            azure.replay("containerregistry/acr_create_with_managed_registry.json");
            ShellHarness sh = azure.shell();
            String id = SUB + "/resourceGroups/clitest.rg000001/providers/Microsoft.ContainerRegistry/registries/clireg000002";
            JsonObject acr = json(sh.ok("acr create -n clireg000002 -g clitest.rg000001 -l westus --sku Premium"));
            assertEquals(id, acr.get("id").getAsString());
            assertEquals("Succeeded", acr.get("provisioningState").getAsString());
            assertEquals("clireg000002.azurecr.io", acr.get("loginServer").getAsString());
            assertEquals(false, acr.get("adminUserEnabled").getAsBoolean());
            assertEquals("Premium", acr.getAsJsonObject("sku").get("name").getAsString());
            assertTrue(azure.server().requests().stream().anyMatch(r -> r.method().equals("GET") && r.path().contains("/operationStatuses/")),
                    "followed Azure-AsyncOperation");
            assertEquals("\"" + id + "\"\n", sh.ok("acr show -n clireg000002 -g clitest.rg000001 --query id"));
            assertTrue(azure.server().unmatched().isEmpty(), azure.server().unmatched().toString());
        }
    }

    @Test
    void applicationInsightsComponentShow() {
        try (RecordedAzure azure = RecordedAzure.start()) {
            azure.replay("insights/component.json");
            ShellHarness sh = azure.shell();
            String id = SUB + "/resourceGroups/clitest.rg000001/providers/microsoft.insights/components/testApp";
            JsonObject ai = json(sh.ok("monitor app-insights component show --app testApp -g clitest.rg000001"));
            assertEquals(id, ai.get("id").getAsString());
            assertEquals("testApp", ai.get("name").getAsString());
            assertEquals("Succeeded", ai.get("provisioningState").getAsString());
            assertEquals("4ea03884-8a39-4dc1-8422-e866dbb3f606", ai.get("instrumentationKey").getAsString());
            assertEquals(id + "\n", sh.ok("monitor app-insights component show --app testApp -g clitest.rg000001 --query id -o tsv"));
            // Azure's list answer ends with an explicit "nextLink": null: one page, both components.
            assertEquals("demoApp\ntestApp\n", sh.ok("monitor app-insights component list -g clitest.rg000001 --query [].name -o tsv"));
            assertTrue(azure.server().unmatched().isEmpty(), azure.server().unmatched().toString());
        }
    }

    @Test
    void storageNameCheckPrintsAzuresAnswersFreeThenTaken() {
        try (RecordedAzure azure = RecordedAzure.start()) {
            // The cassette's first check (before the create) and its later one (after it).
            azure.replay("storage/create_storage_account.json");
            ShellHarness sh = azure.shell();
            assertEquals(JsonParser.parseString("{\"message\":null,\"nameAvailable\":true,\"reason\":null}"),
                    JsonParser.parseString(sh.ok("storage account check-name -n cli000002")));
            assertEquals(JsonParser.parseString("{\"message\":\"The storage account named cli000002 is already taken.\","
                    + "\"nameAvailable\":false,\"reason\":\"AlreadyExists\"}"),
                    JsonParser.parseString(sh.ok("storage account check-name -n cli000002")));
            assertTrue(azure.server().unmatched().isEmpty(), azure.server().unmatched().toString());
        }
    }
}
