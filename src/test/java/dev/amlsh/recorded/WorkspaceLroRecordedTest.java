package dev.amlsh.recorded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.amlsh.testing.ShellHarness.Run;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Workspace sync-keys, diagnose and delete on Azure's recorded answers (Az.MachineLearningServices
 * recordings, api-version 2024-04-01): the client follows {@code Azure-AsyncOperation} when Azure
 * sends it (not {@code Location}), waits for its terminal status, then reads the final state
 * where ARM puts it; with {@code Location} alone (diagnose) it polls that.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WorkspaceLroRecordedTest {
    private static final String ML = "machinelearningservices/";
    private static final String WS1 = "/resourcegroups/ml-psh-test/providers/microsoft.machinelearningservices/workspaces/mlworkspace-test1";

    @Test
    void syncKeysFollowsAzureAsyncOperationThenReadsLocation() {
        try (RecordedAzure azure = RecordedAzure.start()) {
            azure.server().retryAfterWhenAbsent("1");
            azure.replay(ML + "workspace-get-list.json");
            // The recording synced mlworkspace-test2 of ml-test; here the same answers serve mlworkspace-test1.
            azure.replay(ML + "workspace-resynckeys.json", Map.of("resourceGroups/ml-test/providers/Microsoft.MachineLearningServices/"
                    + "workspaces/mlworkspace-test2/resyncKeys", "resourceGroups/ml-psh-test/providers/"
                    + "Microsoft.MachineLearningServices/workspaces/mlworkspace-test1/resyncKeys"));
            Run r = azure.shell().run("ml workspace sync-keys -w mlworkspace-test1 -g ml-psh-test");
            assertEquals(0, r.exitCode(), r.toString());
            assertEquals("", r.out());
            List<ReplayServer.Request> sent = after(azure, "POST", WS1 + "/resynckeys");
            assertEquals(List.of("POST resyncKeys", "GET async", "GET location"), describe(sent), sent.toString());
            assertEquals("2024-04-01", sent.get(0).param("api-version"));
            assertTrue(azure.server().unmatched().isEmpty(), azure.server().unmatched().toString());
        }
    }

    @Test
    void deleteWaitsForTheAsyncOperationsTerminalStatus() {
        try (RecordedAzure azure = RecordedAzure.start()) {
            azure.server().retryAfterWhenAbsent("1");
            azure.replay(ML + "workspace-get-list.json");
            azure.replay(ML + "workspace-delete.json", Map.of("ml-psh-test/providers/Microsoft.MachineLearningServices/workspaces/"
                    + "mlworkspace-testhub1", "ml-psh-test/providers/Microsoft.MachineLearningServices/workspaces/mlworkspace-test1"));
            Run r = azure.shell().run("ml workspace delete -w mlworkspace-test1 -g ml-psh-test");
            assertEquals(0, r.exitCode(), r.toString());
            List<ReplayServer.Request> sent = after(azure, "DELETE", WS1);
            assertEquals(List.of("DELETE mlworkspace-test1", "GET async", "GET async", "GET async", "GET async", "GET location"),
                    describe(sent), sent.toString());
            // Azure said InProgress three times; each next poll came after the Retry-After it was given (1 s), not at once.
            for (int k = 2; k < 5; k++) {
                long gapMs = (sent.get(k).nanos() - sent.get(k - 1).nanos()) / 1_000_000;
                assertTrue(gapMs >= 900, "poll " + k + " came " + gapMs + " ms after the previous one");
            }
            assertTrue(azure.server().unmatched().isEmpty(), azure.server().unmatched().toString());
        }
    }

    @Test
    void diagnoseWithLocationOnlyPollsLocationAndPrintsTheResult() {
        try (RecordedAzure azure = RecordedAzure.start()) {
            azure.server().retryAfterWhenAbsent("1");
            azure.replay(ML + "workspace-get-list.json");
            azure.replay(ML + "workspace-diagnose.json");
            Run r = azure.shell().run("ml workspace diagnose -w mlworkspace-test1 -g ml-psh-test");
            assertEquals(0, r.exitCode(), r.toString());
            JsonObject printed = JsonParser.parseString(r.out()).getAsJsonObject();
            assertEquals(JsonParser.parseString("{\"value\":{\"applicationInsightsResults\":[]}}"), printed, r.out());
            List<ReplayServer.Request> sent = after(azure, "POST", WS1 + "/diagnose");
            assertEquals(List.of("POST diagnose", "GET location"), describe(sent), sent.toString());
        }
    }

    @Test
    void createFollowsAzureAsyncOperationThenReadsTheWorkspace() {
        try (RecordedAzure azure = RecordedAzure.start()) {
            azure.server().retryAfterWhenAbsent("1");
            azure.replay(ML + "workspace-create.json");
            // The PUT as the recording sent it, through amlsh's workspace client on the session's own pipeline.
            Recording.Interaction put = Recording.load(Recording.root().resolve(ML + "workspace-create.json")).interactions().get(0);
            var rest = azure.shell().dispatcher().azure().clients().rest();
            var ml = new dev.amlsh.azure.ml.WorkspaceClient(rest);
            String sub = azure.shell().session().state().subscriptionId();
            var id = dev.amlsh.core.ResourceId.of(sub, "ml-psh-test", dev.amlsh.azure.ml.WorkspaceClient.TYPE, "mlworkspace-test1");
            JsonObject created = dev.amlsh.azure.ArmRest.json(ml.beginCreateOrUpdate(id, put.requestBody().getAsJsonObject())
                    .getFinalResult()).getAsJsonObject();
            assertEquals("a8e5687d-0818-4bf9-94ba-e0d35435059b", created.getAsJsonObject("properties").get("workspaceId").getAsString());
            List<ReplayServer.Request> sent = after(azure, "PUT", WS1);
            assertEquals(List.of("PUT mlworkspace-test1", "GET async", "GET mlworkspace-test1"), describe(sent), sent.toString());
            long waitedMs = (sent.get(1).nanos() - sent.get(0).nanos()) / 1_000_000;
            assertTrue(waitedMs >= 900, "polled " + waitedMs + " ms after the 202, not after its Retry-After");
            assertEquals(JsonParser.parseString(put.requestBody().toString()), JsonParser.parseString(sent.get(0).body()));
            // What the user then sees of it: the v1 shape, from Azure's answer.
            Run shown = azure.shell().run("ml workspace show -w mlworkspace-test1 -g ml-psh-test --query "
                    + "\"{id: id, workspaceid: workspaceid, storageAccount: storageAccount, identityPrincipalId: identityPrincipalId}\"");
            assertEquals(0, shown.exitCode(), shown.toString());
            assertEquals(JsonParser.parseString("{\"id\": \"/subscriptions/0e745469-49f8-48c9-873b-24ca87143db1/resourceGroups/"
                    + "ml-psh-test/providers/Microsoft.MachineLearningServices/workspaces/mlworkspace-test1\", "
                    + "\"workspaceid\": \"a8e5687d-0818-4bf9-94ba-e0d35435059b\", \"storageAccount\": \"/subscriptions/"
                    + "0e745469-49f8-48c9-873b-24ca87143db1/resourceGroups/ml-test/providers/Microsoft.Storage/storageAccounts/"
                    + "storageaccount1104ml\", \"identityPrincipalId\": \"12a2fb39-a8c6-4698-93da-99a4bd81b8ca\"}"),
                    JsonParser.parseString(shown.out()), shown.out());
        }
    }

    /** The requests from the first {@code method path} on (the command's own, after sign-in and lookups). */
    static List<ReplayServer.Request> after(RecordedAzure azure, String method, String pathSuffix) {
        List<ReplayServer.Request> all = azure.server().requests();
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k).method().equals(method) && all.get(k).path().toLowerCase(java.util.Locale.ROOT).endsWith(pathSuffix)) {
                return all.subList(k, all.size());
            }
        }
        throw new AssertionError("no " + method + " ..." + pathSuffix + " in " + all);
    }

    /** "GET async" / "GET location" for operation-status polls, else the method and the path's last segment. */
    static List<String> describe(List<ReplayServer.Request> requests) {
        return requests.stream().map(r -> {
            String type = r.param("type");
            if (r.path().contains("workspaceOperationsStatus") && type != null) {
                return r.method() + " " + type;
            }
            String last = r.path().substring(r.path().lastIndexOf('/') + 1);
            return r.method() + " " + last;
        }).toList();
    }
}
