package dev.amlsh.recorded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amlsh.testing.ShellHarness.Run;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Azure's recorded error answers become one line and the exit code of their kind. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ErrorRecordedTest {

    @Test
    void aMissingKeyVaultIsNotFoundWithAzuresMessage() {
        try (RecordedAzure azure = RecordedAzure.start()) {
            azure.replay("keyvault/az-client-keyvault-creation.json");
            Run r = azure.shell().run("keyvault show -n cli-test-kv-mgmt-000002 -g cli_test_keyvault_mgmt000001");
            assertEquals(3, r.exitCode(), r.toString());
            assertEquals("", r.out());
            assertEquals(1, r.err().lines().count(), r.err());
            assertEquals(true, r.err().startsWith("ERROR: ") && r.err().contains("cli-test-kv-mgmt-000002"), r.err());
        }
    }
}
