package dev.amlsh.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.sandbox.SandboxSeed;
import dev.amlsh.session.AmlshHome;
import dev.amlsh.session.Session;
import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No token, key or secret in --debug output or the shell's files; every file of the home private; config saved safely. */
class SecretsTest {

    private static void assertNoSecret(String where, String text) {
        for (String secret : List.of("Bearer ", "eyJ", SandboxSeed.ADMIN_CLIENT_SECRET, "client_secret", "Authorization")) {
            assertFalse(text.contains(secret), where + " shows '" + secret + "':\n" + text);
        }
    }

    @Test
    void debugOutputAndConfigHoldNoSecret() throws Exception {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            StringBuilder all = new StringBuilder();
            for (String line : List.of("group create -n sec-rg -l eastus --tags owner=me --debug", "group list --debug",
                    "group show -n no-such-group --debug", "account show --debug", "provider show -n Microsoft.Storage --debug")) {
                Run r = sh.run(line);
                all.append(r.out()).append(r.err());
            }
            assertTrue(all.toString().contains("DEBUG: PUT https://127.0.0.1:"), all.toString());
            assertNoSecret("--debug", all.toString());
            try (Stream<Path> files = Files.walk(sh.home())) {
                // cache/tokens keeps the sandbox's tokens for its seeded identities, whose secrets are public
                // (anyone can mint the same token); it is private like every file here (see below)
                Path kept = sh.home().resolve("cache").resolve("tokens");
                for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("sandbox"))
                        .filter(f -> !f.startsWith(kept)).toList()) {
                    assertNoSecret(f.toString(), Files.readString(f));
                }
            }
        }
    }

    @Test
    void secretOptionsAreHiddenInUsageErrorsAndDebugOutput() throws Exception {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            Run unknown = sh.run("group list --account-key s3cr3tKEY --connection-string=AccountKey9");
            assertEquals(2, unknown.exitCode());
            assertEquals("ERROR: Unrecognized arguments: --account-key *** --connection-string=*** (for 'group list'). See 'group list -h'.",
                    unknown.err().lines().findFirst().orElse(""));
            Run debug = sh.run("group show -n no-such-group --sas-token tok3nValue --debug");
            assertEquals(2, debug.exitCode());
            assertTrue(debug.err().contains("--sas-token ***"), debug.err());
            for (Run r : List.of(unknown, debug)) {
                for (String secret : List.of("s3cr3tKEY", "AccountKey9", "tok3nValue")) {
                    assertFalse(r.out().contains(secret) || r.err().contains(secret), r.err());
                }
            }
        }
    }

    @Test
    void everyFileUnderTheHomeIsPrivate() throws Exception {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            sh.ok("group create -n perm-rg -l eastus");
            sh.ok("configure --defaults location=eastus");
            List<String> open = new ArrayList<>();
            try (Stream<Path> all = Files.walk(sh.home())) {
                for (Path p : all.toList()) {
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                    String wanted = Files.isDirectory(p) ? "rwx------" : "rw-------";
                    if (!mode.equals(wanted)) {
                        open.add(sh.home().relativize(p) + " " + mode);
                    }
                }
            }
            assertEquals(List.of(), open);
            assertTrue(Files.exists(sh.home().resolve("sandbox/sandbox.db")));
        }
    }

    @Test
    void twoShellsSavingTheConfigAtOnceNeverBreakIt() throws Exception {
        Path home = ShellHarness.newHome();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Session one = Session.open(new AmlshHome(home), Duration.ZERO); Session two = Session.open(new AmlshHome(home), Duration.ZERO)) {
            List<Future<?>> done = new ArrayList<>();
            for (Session s : List.of(one, two)) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        s.update(s.state().withDefault("group", "rg" + i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        try (Session after = Session.open(new AmlshHome(home), Duration.ZERO)) {
            assertEquals(List.of(), after.warnings());
            assertEquals("rg199", after.state().defaultValue("group").orElseThrow());
        }
        try (Stream<Path> left = Files.list(home)) {
            // the writers' lock file stays (removing it would let a third writer lock a different file)
            assertEquals(List.of(".config.json.lock", "config.json"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary files left");
        }
    }

    @Test
    void unreadableConfigGivesOneWarningAndAWorkingShell() throws Exception {
        Path home = ShellHarness.newHome();
        // A folder where the file should be cannot be read, even by root.
        Files.createDirectories(home.resolve("config.json"));
        try (ShellHarness sh = ShellHarness.on(home)) {
            List<String> warnings = sh.session().warnings();
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("WARNING: cannot read " + home.resolve("config.json")), warnings.get(0));
            assertEquals(0, sh.run("help").exitCode());
        }
    }
}
