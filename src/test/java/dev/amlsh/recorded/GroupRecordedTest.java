package dev.amlsh.recorded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.command.CommandIo;
import dev.amlsh.testing.ShellHarness.Run;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Resource groups on Azure's recorded answers (the Azure CLI's test_resource_group cassette):
 * create, exists, show and delete print the seed's shapes (step 1: {@code type} null, as the v1
 * CLI printed it) from Azure's answers, and a group delete
 * (202 with Location only, no Retry-After) polls at Azure's pace even in a shell that used the
 * sandbox (whose operations are polled every 25 ms) before it signed in elsewhere.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class GroupRecordedTest {
    private static final String GROUP = "cli_test_rg_scenario000001";
    private static final String SHAPE = "{\n"
            + "  \"id\": \"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/" + GROUP + "\",\n"
            + "  \"location\": \"westus\",\n"
            + "  \"managedBy\": \"test_admin\",\n"
            + "  \"name\": \"" + GROUP + "\",\n"
            + "  \"properties\": {\n"
            + "    \"provisioningState\": \"Succeeded\"\n"
            + "  },\n"
            + "  \"tags\": {\n"
            + "    \"a\": \"b\",\n"
            + "    \"c\": \"\"\n"
            + "  },\n"
            + "  \"type\": null\n"
            + "}\n";

    @Test
    void createExistsShowAndDeletePrintAzuresAnswers() {
        try (RecordedAzure azure = RecordedAzure.start()) {
            azure.server().retryAfterWhenAbsent("1");
            azure.replay("resources/az-client-group.json");
            var sh = azure.shell();
            assertEquals("false\n", sh.ok("group exists -n " + GROUP));
            assertEquals(SHAPE, sh.ok("group create -n " + GROUP + " -l westus --tags a=b c="));
            assertEquals("true\n", sh.ok("group exists -n " + GROUP));
            assertEquals(SHAPE, sh.ok("group show -n " + GROUP));
            Run deleted = sh.run("group delete -n " + GROUP + " --yes");
            assertEquals(0, deleted.exitCode(), deleted.toString());
            List<ReplayServer.Request> sent = WorkspaceLroRecordedTest.after(azure, "DELETE", "/resourcegroups/" + GROUP);
            assertEquals(List.of("DELETE " + GROUP, "GET operationresults", "GET operationresults", "GET operationresults",
                    "GET operationresults"), sent.stream().map(r -> r.method() + " "
                    + (r.path().contains("/operationresults/") ? "operationresults" : r.path().substring(r.path().lastIndexOf('/') + 1)))
                    .toList());
            assertTrue(sent.stream().allMatch(ReplayServer.Request::bearer), "every request carried the token");
            assertTrue(azure.server().unmatched().isEmpty(), azure.server().unmatched().toString());
        }
    }

    @Test
    void afterTheSandboxAnAzureOperationIsNotPolledEveryFewMilliseconds() throws Exception {
        try (RecordedAzure azure = RecordedAzure.start(sandbox -> {
            // Sandbox operations first: they are polled every 25 ms.
            sandbox.ok("group create -n warm-up -l eastus -o none");
            sandbox.ok("group delete -n warm-up --yes");
        })) {
            azure.replay("resources/az-client-group.json");
            var sh = azure.shell();
            sh.ok("group exists -n " + GROUP);
            sh.ok("group create -n " + GROUP + " -l westus --tags a=b c= -o none");
            sh.ok("group exists -n " + GROUP);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread worker = new Thread(() -> sh.dispatcher().dispatch("group delete -n " + GROUP + " --yes", CommandIo.plain(
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))),
                    "amlsh-command");
            worker.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (azure.server().requests().stream().noneMatch(r -> r.method().equals("DELETE")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(3000);
            List<ReplayServer.Request> sent = WorkspaceLroRecordedTest.after(azure, "DELETE", "/resourcegroups/" + GROUP);
            // Azure sent no Retry-After: the SDK's 30 s apply, so three seconds on there has been no poll yet.
            assertEquals(1, sent.size(), "polled after " + (sent.size() > 1
                    ? (sent.get(1).nanos() - sent.get(0).nanos()) / 1_000_000 + " ms" : "?") + ": " + sent.stream()
                    .map(r -> r.method() + " " + r.path()).toList());
            worker.interrupt();
            worker.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(worker.isAlive(), "the interrupted command ended");
        }
    }
}
