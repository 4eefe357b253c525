package dev.amlsh.sandbox.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A damaged sandbox store is named (file, SQLite's cause, what to do), checked on request, and repaired by a reset. */
@Timeout(120)
class DamagedStoreTest {
    private Path home;

    @AfterEach
    void clean() {
        Homes.delete(home);
    }

    private Path db() {
        return home.resolve("sandbox").resolve("sandbox.db");
    }

    /** A home whose sandbox held a group, then stopped (as a shell that exits). */
    private void usedHome() throws IOException {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            home = sh.home();
            sh.ok("group create -n before -l eastus -o none");
        }
        for (String c : List.of("-wal", "-shm")) {
            Files.deleteIfExists(db().resolveSibling("sandbox.db" + c));
        }
    }

    private void assertRepairedByReset() throws IOException {
        try (ShellHarness sh = ShellHarness.on(home)) {
            Run reset = sh.run("sandbox reset --yes");
            assertEquals(0, reset.exitCode(), reset.toString());
            assertTrue(reset.err().contains("WARNING: The damaged sandbox store was set aside as " + db() + ".damaged-"), reset.err());
            try (Stream<Path> files = Files.list(db().getParent())) {
                assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("sandbox.db.damaged-")), "kept for inspection");
            }
            Run check = sh.run("sandbox check --query result -o tsv");
            assertEquals(0, check.exitCode(), check.toString());
            assertEquals("ok\n", check.out());
            Run list = sh.run("group create -n after -l eastus --query name -o tsv");
            assertEquals(0, list.exitCode(), list.toString());
            assertEquals("after\n", list.out());
            assertEquals("false\n", sh.ok("group exists -n before"), "a fresh sandbox");
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsNamedCheckedAndResetAside() throws IOException {
        usedHome();
        Files.writeString(db(), "this is not a database\n".repeat(500), StandardCharsets.UTF_8);
        try (ShellHarness sh = ShellHarness.on(home)) {
            Run list = sh.run("group list");
            assertEquals(1, list.exitCode(), list.toString());
            assertTrue(list.err().startsWith("ERROR: The sandbox store " + db() + " is damaged: [SQLITE_NOTADB]"), list.err());
            assertTrue(list.err().contains("'sandbox reset --yes' to set the file aside"), list.err());
            assertFalse(list.err().contains("report the output"), list.err());
            assertFalse(list.err().contains("\tat "), "no stack trace: " + list.err());
            Run check = sh.run("sandbox check");
            assertEquals(1, check.exitCode(), check.toString());
            assertEquals("", check.out());
            assertTrue(check.err().startsWith("ERROR: The sandbox store " + db() + " is damaged: [SQLITE_NOTADB]"), check.err());
        }
        assertRepairedByReset();
    }

    @Test
    void anEmptiedFileIsNotSilentlySeededAgain() throws IOException {
        usedHome();
        Files.write(db(), new byte[0]);
        try (ShellHarness sh = ShellHarness.on(home)) {
            Run list = sh.run("group list");
            assertEquals(1, list.exitCode(), list.toString());
            assertTrue(list.err().startsWith("ERROR: The sandbox store " + db() + " is damaged: the file is empty (0 bytes)"),
                    list.err());
            Run check = sh.run("sandbox check");
            assertEquals(1, check.exitCode(), check.toString());
            assertTrue(check.err().contains("the file is empty (0 bytes)"), check.err());
        }
        assertEquals(0, Files.size(db()), "nothing was written over it");
        assertRepairedByReset();
    }

    @Test
    void corruptPagesAreFoundByTheCheck() throws IOException {
        usedHome();
        byte[] bytes = Files.readAllBytes(db());
        assertTrue(bytes.length > 3 * 4096, "a store of several pages: " + bytes.length);
        for (int i = 4096; i < bytes.length; i++) {
            bytes[i] = (byte) 0xA5; // every page but the first (header and schema) overwritten
        }
        Files.write(db(), bytes);
        try (ShellHarness sh = ShellHarness.on(home)) {
            Run check = sh.run("sandbox check --full");
            assertEquals(1, check.exitCode(), check.toString());
            assertTrue(check.err().startsWith("ERROR: The sandbox store " + db() + " is damaged: "), check.err());
            assertTrue(check.err().contains("'sandbox reset --yes'"), check.err());
        }
        assertRepairedByReset();
    }

    @Test
    void aSoundStorePassesBothChecks() throws IOException {
        usedHome();
        try (ShellHarness sh = ShellHarness.on(home)) {
            assertEquals("ok\n", sh.ok("sandbox check --query result -o tsv"));
            assertEquals("integrity_check\n", sh.ok("sandbox check --full --query check -o tsv"));
            assertEquals("true\n", sh.ok("group exists -n before"));
        }
    }
}
