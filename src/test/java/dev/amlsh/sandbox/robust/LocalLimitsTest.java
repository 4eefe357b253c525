package dev.amlsh.sandbox.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.testing.ShellHarness;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Limits of the machine, seen in a child process the way a user meets them: a file size limit
 * ({@code ulimit -f}) that the store hits, and an SQLite native library that cannot load.
 */
@Timeout(300)
class LocalLimitsTest {
    private final List<Path> cleanup = new ArrayList<>();

    @AfterEach
    void clean() {
        cleanup.forEach(Homes::delete);
    }

    private record Child(int exit, String out, String err) {
    }

    private Child child(String ulimitKb, List<String> jvmArgs, Path home, List<String> lines) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "ulimit -f \"$0\" && exec \"$@\"", ulimitKb,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData"));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ShellLines.class.getName(), home.toString()));
        cmd.addAll(lines);
        Path out = Files.createTempFile("amlsh-child-", ".out");
        Path err = Files.createTempFile("amlsh-child-", ".err");
        cleanup.add(out);
        cleanup.add(err);
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child did not finish");
        }
        return new Child(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void aFullDiskIsNamedNotRetriedAndLogged() throws Exception {
        Path home;
        try (ShellHarness sh = ShellHarness.signedIn()) {
            home = sh.home();
            cleanup.add(home);
            sh.ok("group create -n small -l eastus -o none");
        }
        // the child may not write the native library either; give it one extracted here
        Path lib = Files.createTempDirectory("amlsh-sqlite-");
        cleanup.add(lib);
        String resource = "/org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/libsqlitejdbc.so";
        try (InputStream in = org.sqlite.SQLiteConnection.class.getResourceAsStream(resource)) {
            assertTrue(in != null, "sqlite-jdbc carries " + resource);
            Files.copy(in, lib.resolve("libsqlitejdbc.so"), StandardCopyOption.REPLACE_EXISTING);
        }
        Path db = home.resolve("sandbox").resolve("sandbox.db");
        long limitKb = Files.size(db) / 1024 + 256;
        String tags = IntStream.range(0, 50).mapToObj(i -> "tag" + i + "=" + "v".repeat(256)).collect(Collectors.joining(" "));
        List<String> lines = IntStream.range(0, 40).mapToObj(i -> "group create -n full" + i + " -l eastus --tags " + tags + " -o none")
                .collect(Collectors.toList());
        Child c = child(String.valueOf(limitKb), List.of("-Dorg.sqlite.lib.path=" + lib, "-Dorg.sqlite.lib.name=libsqlitejdbc.so"),
                home, lines);
        assertEquals(0, c.exit(), c.err());
        assertFalse(c.err().contains("Exception"), c.err());
        assertTrue(c.out().contains("exit 1"), "the limit was reached: " + c.out() + c.err());
        String first = c.err().lines().filter(l -> l.startsWith("ERROR: ")).findFirst().orElseThrow();
        assertTrue(first.startsWith("ERROR: (DiskFull) The sandbox cannot write its store " + db
                + ": the disk is full or a file size limit was reached ("), first);
        assertTrue(first.contains("Nothing was changed; free space in " + db.getParent()), first);
        assertFalse(c.err().contains("InternalServerError"), c.err());
        Matcher id = Pattern.compile("request ID ([0-9a-f-]{36})").matcher(first);
        assertTrue(id.find(), first);
        String log = Files.readString(home.resolve("sandbox").resolve("sandbox.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains(id.group(1) + " PUT "), "the request ID can be looked up in the log");
        assertTrue(log.contains("cause: dev.amlsh.sandbox.store.StoreFullException"), log);
        long refused = c.out().lines().filter("exit 1"::equals).count();
        long logged = log.lines().filter(l -> l.contains(" 507 DiskFull ")).count();
        assertEquals(refused, logged, "a full disk is not retried: one request per refused command");
        int failedAt = c.out().lines().filter(l -> l.startsWith("exit ")).collect(Collectors.toList()).indexOf("exit 1");
        try (ShellHarness sh = ShellHarness.on(home)) {
            assertEquals("false\n", sh.ok("group exists -n full" + failedAt), "nothing half-written");
            assertEquals("ok\n", sh.ok("sandbox check --query result -o tsv"));
        }
    }

    @Test
    void anSqliteLibraryThatCannotLoadIsOneLineEveryTime() throws Exception {
        Path home;
        try (ShellHarness sh = ShellHarness.signedIn()) {
            home = sh.home();
            cleanup.add(home);
        }
        Child c = child("unlimited", List.of("-Dorg.sqlite.tmpdir=" + home.resolve("no-such-dir")), home,
                List.of("group list", "group list", "sandbox show"));
        assertEquals(0, c.exit(), "the JVM lives on: " + c.err());
        assertEquals(List.of("exit 1", "exit 1", "exit 1"), c.out().lines().collect(Collectors.toList()), c.out() + c.err());
        List<String> errors = c.err().lines().filter(l -> l.contains("cannot load SQLite's native library")).collect(Collectors.toList());
        assertTrue(errors.size() >= 3, c.err());
        assertFalse(c.err().contains("\tat "), "no stack trace: " + c.err());
        assertFalse(c.err().contains("NoClassDefFoundError"), c.err());
    }
}
