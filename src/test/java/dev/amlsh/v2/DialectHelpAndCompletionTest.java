package dev.amlsh.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.complete.Candidate;
import dev.amlsh.complete.Completions;
import dev.amlsh.testing.ShellHarness;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Completion, help and --what-if know both dialects of {@code ml workspace}. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DialectHelpAndCompletionTest {

    static List<String> complete(Completions c, String line) {
        return c.completer().complete(line, line.length()).candidates().stream().map(Candidate::value).toList();
    }

    static ShellHarness.Run whatIf(ShellHarness sh, java.nio.file.Path script) {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code;
        try (var o = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
             var e = new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8)) {
            code = dev.amlsh.script.ScriptRunner.main(List.of("--what-if", script.toString()), sh.dispatcher(),
                    dev.amlsh.command.CommandIo.plain(o, e), Map.of());
        }
        return new ShellHarness.Run(code, out.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void completionFollowsTheDialectOfTheLine() throws Exception {
        try (ShellHarness sh = ShellHarness.signedIn(); Completions c = Completions.oneShot(sh.dispatcher(), null, Map.of())) {
            List<String> v1 = complete(c, "ml workspace create -w ws1 --");
            assertTrue(v1.contains("--friendly-name") && v1.contains("--keyvault") && !v1.contains("--display-name"), v1.toString());
            List<String> v2 = complete(c, "ml workspace create -n ws1 --");
            assertTrue(v2.contains("--display-name") && v2.contains("--key-vault") && v2.contains("--managed-network")
                    && !v2.contains("--friendly-name"), v2.toString());
            assertEquals(List.of("disabled", "allow_internet_outbound", "allow_only_approved_outbound"),
                    complete(c, "ml workspace update -n ws1 -m allow_"));
            List<String> subs = complete(c, "ml workspace create -n ws1 --storage-account /subscriptions/");
            assertFalse(subs.isEmpty(), "resource IDs for -s/--storage-account in v2");
            assertTrue(complete(c, "ml workspace outbound-rule set --type ").contains("service_tag"));
        }
    }

    @Test
    void helpAndWhatIfKnowBothDialects() throws Exception {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            String v1 = sh.ok("ml workspace create -h");
            assertTrue(v1.contains("--friendly-name") && v1.contains("Examples:"), v1);
            String v2 = sh.ok("ml workspace create -n x -h");
            assertTrue(v2.contains("--display-name") && v2.contains("-f, --file") && v2.contains("v1: ml workspace create -w ws1 -g rg1"), v2);
            sh.ok("configure --defaults ml-cli=v2");
            String group = sh.ok("help ml workspace");
            assertTrue(group.contains("provision-network") && group.contains("outbound-rule"), group);
            sh.ok("configure --defaults ml-cli=");
            assertTrue(sh.ok("help ml workspace").contains("share"));

            java.nio.file.Path script = java.nio.file.Files.createTempFile("amlsh-v2-", ".amlsh");
            java.nio.file.Files.writeString(script, "ml workspace create -w ws1 -g rg1\nml workspace create -n ws2 -g rg1 --display-name Two\n"
                    + "ml workspace delete -n ws2 -g rg1 --yes --permanently-delete\n");
            ShellHarness.Run ok = whatIf(sh, script);
            assertEquals(0, ok.exitCode(), ok.toString());
            assertTrue(ok.out().contains("would run: ml workspace create -n ws2 -g rg1 --display-name Two"), ok.toString());
            java.nio.file.Files.writeString(script, "ml workspace create -w ws1 -g rg1 --display-name Two\n");
            ShellHarness.Run mixed = whatIf(sh, script);
            assertEquals(2, mixed.exitCode(), mixed.toString());
            assertTrue(mixed.err().contains(":1: ERROR: This line mixes the two 'ml workspace' dialects"), mixed.toString());
        }
    }
}
