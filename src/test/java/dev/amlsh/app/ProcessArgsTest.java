package dev.amlsh.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The process's arguments as a user types them: bad ones get one line and exit 2, good ones reach their mode. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ProcessArgsTest {
    @TempDir
    Path home;

    record Result(int code, String out, String err) {
    }

    @AfterEach
    void stopTheSandboxAChildProcessStarted() {
        dev.amlsh.testing.AmlshProcesses.stopSandbox(home);
    }

    Result main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, Map.of("AMLSH_HOME", home.toString(), "AMLSH_SANDBOX_LRO_DELAY_MS", "0"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A usage error: exit 2, exactly this line on stderr, nothing on stdout, and the home left untouched. */
    void usageError(String expected, String... args) throws IOException {
        Result r = main(args);
        assertEquals(2, r.code(), r.err());
        assertEquals(expected + "\n", r.err());
        assertEquals("", r.out());
        try (Stream<Path> files = Files.list(home)) {
            assertEquals(0, files.count(), "a usage error wrote to the home");
        }
    }

    @Test
    void badProcessArgumentsGetOneLineAndExitTwo() throws IOException {
        usageError("ERROR: Unknown option: '--bogus'. See 'amlsh --help'.", "--bogus");
        usageError("ERROR: Missing required parameter for option '-c' (COMMAND). See 'amlsh --help'.", "-c");
        usageError("ERROR: Missing required parameter for option '-f' (FILE). See 'amlsh --help'.", "-f");
        usageError("ERROR: Missing required parameter for option '-f' (FILE). See 'amlsh --help'.", "--what-if", "-x", "-f");
        usageError("ERROR: Missing required parameter for option '--complete' (LINE). See 'amlsh --help'.", "--complete");
        usageError("ERROR: -c takes one command in quotes, e.g. amlsh -c \"group list\". See 'amlsh --help'.", "-c", "group", "list");
        usageError("ERROR: Which script? Give its file, e.g. amlsh -f deploy.amlsh or amlsh --what-if deploy.amlsh. See 'amlsh --help'.",
                "--what-if");
        usageError("ERROR: --complete takes the line in quotes and nothing else, e.g. amlsh --complete \"group show -g \". "
                + "See 'amlsh --help'.", "--complete", "group", "show");
    }

    @Test
    void badSandboxServeArgumentsGetOneLineWithItsUsage() throws IOException {
        String usage = " Usage: amlsh sandbox serve [--port N] [--idle-timeout 30m] [--fault SPEC]...";
        usageError("ERROR: Invalid value for option '--port': 'x' is not a number from 0 to 65535 (0 picks a free port)." + usage,
                "sandbox", "serve", "--port", "x");
        usageError("ERROR: Invalid value for option '--preferred-port': '65536' is not a number from 0 to 65535 (0 picks a free port)."
                + usage, "sandbox", "serve", "--preferred-port", "65536");
        usageError("ERROR: Invalid value for option '--idle-timeout': '5q' is not a duration; give e.g. 30m, 90s, 2h or 0 (never)."
                + usage, "sandbox", "serve", "--idle-timeout", "5q");
        usageError("ERROR: Missing required parameter for option '--port' (N)." + usage, "sandbox", "serve", "--port");
        usageError("ERROR: Unmatched argument at index 0: 'now'." + usage, "sandbox", "serve", "now");
        Result fault = main("sandbox", "serve", "--fault", "503,times=x");
        assertEquals(2, fault.code());
        assertTrue(fault.err().startsWith("ERROR: Invalid value for option '--fault' (SPEC): '503,times=x' is not a fault rule: "), fault.err());
        assertTrue(fault.err().endsWith("; see 'sandbox faults add -h'." + usage + "\n"), fault.err());
    }

    @Test
    void helpAndVersionPrintAndExitZero() {
        Result help = main("--help");
        assertEquals(0, help.code());
        assertEquals(Launcher.USAGE, help.out());
        assertTrue(help.out().contains("  amlsh [--what-if] [-x] -f FILE [ARGS...]\n"), help.out());
        assertEquals(help, main("-h"));
        Result version = main("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().matches("amlsh \\S+\n"), version.out());
        Result serveHelp = main("sandbox", "serve", "--help");
        assertEquals(0, serveHelp.code());
        assertTrue(serveHelp.out().startsWith(SandboxServe.USAGE + "\n  --port N "), serveHelp.out());
        assertEquals("", serveHelp.err());
    }

    @Test
    void whatFollowsTheFirstWordIsTheCommandsOrTheScripts() throws IOException {
        // options after the command's first word are the command's own
        Result words = main("group", "create", "-n", "argv1", "-l", "eastus", "--query", "name", "-o", "tsv");
        assertEquals(0, words.code(), words.err());
        assertEquals("argv1\n", words.out());
        Result notFound = main("group", "show", "-n", "nope", "-o", "none");
        assertEquals(3, notFound.code());
        assertFalse(notFound.err().contains("\tat "), notFound.err());

        // a script's arguments are its own, even when they look like amlsh's options
        Path script = home.resolve("args.amlsh");
        Files.writeString(script, "group show -n argv1 --query name -o tsv\nprint \"$#: $1 ${2:-none}\"\n");
        Result plain = main(script.toString(), "-g", "rg1");
        assertEquals(0, plain.code(), plain.err());
        assertEquals("argv1\n2: -g rg1\n", plain.out());
        Result withF = main("-x", "-f", script.toString(), "--what-if", "-c");
        assertEquals(0, withF.code(), withF.err());
        assertEquals("argv1\n2: --what-if -c\n", withF.out());
        assertTrue(withF.err().contains("+ group show -n argv1 --query name -o tsv\n"), withF.err());
        Result whatIf = main("--what-if", script.toString(), "--bogus");
        assertEquals(0, whatIf.code(), whatIf.err());
        assertEquals("would run: group show -n argv1 --query name -o tsv\nwould print: 1: --bogus none\n", whatIf.out());

        // --debug before the mode reaches the command
        Result debug = main("--debug", "-c", "group show -n nope");
        assertEquals(3, debug.code());
        assertTrue(debug.err().lines().count() > 1, debug.err());
    }
}
