package dev.amlsh.recorded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.testing.ShellHarness.Run;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SYNTHETIC throttling: no public recording of real Azure traffic that we could find holds a 429
 * (the cassettes are re-recorded until they pass), so these tests put a made-up 429 with
 * {@code Retry-After} in front of Azure's recorded answer (storage account show, from the Azure
 * CLI's storage cassette). The 429 and its body are the test's, not Azure's; the account after it
 * is Azure's.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SyntheticThrottleRecordedTest {
    private static final String ACCOUNT = "/storageAccounts/clitest000002";
    private static final String SYNTHETIC_BODY =
            "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Synthetic throttle made up by the test.\"}}";

    @Test
    void syntheticTooManyRequestsIsRetriedAfterRetryAfterThenAzuresAnswerIsPrinted() {
        try (RecordedAzure azure = RecordedAzure.start()) {
            azure.replay("storage/storage_account_show_exit_codes.json");
            azure.server().injectSynthetic("GET", ACCOUNT, 429, Map.of("Retry-After", "2"), SYNTHETIC_BODY);
            Run r = azure.shell().run("storage account show -n clitest000002 -g clitest.rg000001 --query provisioningState -o tsv");
            assertEquals(0, r.exitCode(), r.toString());
            assertEquals("Succeeded\n", r.out());
            List<ReplayServer.Request> sent = azure.server().requests().stream().filter(q -> q.path().endsWith(ACCOUNT)).toList();
            assertEquals(List.of(429, 200), sent.stream().map(ReplayServer.Request::answered).toList());
            long waitedMs = (sent.get(1).nanos() - sent.get(0).nanos()) / 1_000_000;
            assertTrue(waitedMs >= 1900, "retried after " + waitedMs + " ms, Retry-After said 2 s");
        }
    }

    @Test
    void syntheticThrottlingThatDoesNotEndIsOneLineWithAzuresCode() {
        try (RecordedAzure azure = RecordedAzure.start()) {
            azure.replay("storage/storage_account_show_exit_codes.json");
            for (int i = 0; i < 10; i++) {
                azure.server().injectSynthetic("GET", ACCOUNT, 429, Map.of("Retry-After", "1"), SYNTHETIC_BODY);
            }
            Run r = azure.shell().run("storage account show -n clitest000002 -g clitest.rg000001");
            assertEquals(1, r.exitCode(), r.toString());
            assertEquals("", r.out());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("ERROR: (TooManyRequests) Synthetic throttle made up by the test."), r.err());
            assertEquals(4, azure.server().requests().stream().filter(q -> q.path().endsWith(ACCOUNT)).count(),
                    "the first try and three retries, each after Retry-After");
        }
    }
}
