package dev.amlsh.recorded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.testing.ShellHarness;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Workspace show, list (group and subscription) and list-keys print the seed's shapes from Azure's recorded answers. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WorkspaceReadRecordedTest {
    private static final String SUB = "0e745469-49f8-48c9-873b-24ca87143db1";

    @Test
    void showListAndListKeys() {
        try (RecordedAzure azure = RecordedAzure.start()) {
            azure.replay("machinelearningservices/workspace-get-list.json");
            azure.replay("machinelearningservices/workspace-listkeys.json");
            ShellHarness sh = azure.shell();

            JsonObject ws = JsonParser.parseString(sh.ok("ml workspace show -w mlworkspace-test1 -g ml-psh-test")).getAsJsonObject();
            assertEquals("mlworkspace-test1", ws.get("name").getAsString());
            assertEquals("ml-psh-test", ws.get("resourceGroup").getAsString());
            assertEquals("eastus2", ws.get("location").getAsString());
            assertEquals("a8e5687d-0818-4bf9-94ba-e0d35435059b", ws.get("workspaceid").getAsString());
            assertEquals("/subscriptions/" + SUB + "/resourceGroups/ml-test/providers/Microsoft.Keyvault/vaults/key1104ml",
                    ws.get("keyVault").getAsString());
            assertEquals("SystemAssigned", ws.get("identityType").getAsString());
            assertEquals("12a2fb39-a8c6-4698-93da-99a4bd81b8ca", ws.get("identityPrincipalId").getAsString());
            assertEquals(JsonParser.parseString("{\"key2\":\"value2\"}"), ws.get("tags"));

            assertEquals(JsonParser.parseString("[{\"resourceGroup\":\"ml-test\",\"subscriptionId\":\"" + SUB + "\",\"workspaceName\":"
                    + "\"mlworkspace-test2\"},{\"resourceGroup\":\"ml-psh-test\",\"subscriptionId\":\"" + SUB + "\",\"workspaceName\":"
                    + "\"mlworkspace-test1\"}]"), JsonParser.parseString(sh.ok("ml workspace list")));
            assertEquals(JsonParser.parseString("[{\"resourceGroup\":\"ml-psh-test\",\"subscriptionId\":\"" + SUB + "\",\"workspaceName\":"
                    + "\"mlworkspace-test1\"},{\"resourceGroup\":\"ml-psh-test\",\"subscriptionId\":\"" + SUB + "\",\"workspaceName\":"
                    + "\"mlworkspace-testhub1\"}]"), JsonParser.parseString(sh.ok("ml workspace list -g ml-psh-test")));

            JsonObject keys = JsonParser.parseString(sh.ok("ml workspace list-keys -w mlworkspace-test1 -g ml-psh-test")).getAsJsonObject();
            assertEquals("c89bea2e-9bc3-4c2d-b035-07fa91682ca3", keys.get("appInsightsInstrumentationKey").getAsString());
            assertEquals("********", keys.getAsJsonObject("notebookAccessKeys").get("primaryAccessKey").getAsString());
            assertTrue(azure.server().requests().stream().filter(r -> r.path().contains("MachineLearningServices"))
                    .allMatch(r -> "2024-04-01".equals(r.param("api-version"))), "every ML request at api-version 2024-04-01");
            assertTrue(azure.server().unmatched().isEmpty(), azure.server().unmatched().toString());
        }
    }
}
