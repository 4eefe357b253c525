package dev.amlsh.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.testing.ChildAmlsh;
import dev.amlsh.testing.ShellHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Several shells of one user on one home: what each one sets, stays; each one sees what the others set. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ConcurrentShellsTest {

    @Test
    void twoShellsChangingDifferentSettingsKeepBoth() {
        try (ShellHarness a = ShellHarness.signedIn(); ShellHarness b = ShellHarness.on(a.home())) {
            a.ok("account set -s \"Sandbox Unregistered\"");
            b.ok("configure --defaults location=eastus");
            // the second shell noticed the first one's change, and the first one the second's
            assertEquals("Sandbox Unregistered\n", b.ok("account show --query name -o tsv"));
            assertEquals("eastus\n", a.ok("configure --list-defaults --query \"[?name=='location'].value | [0]\" -o tsv"));
            b.ok("configure --defaults workspace=ws1");
            a.ok("configure --defaults location=westus2");
            try (ShellHarness fresh = ShellHarness.on(a.home())) {
                SessionState s = fresh.session().state();
                assertEquals("Sandbox Unregistered", s.currentSubscription().orElseThrow().name());
                assertEquals("westus2", s.defaultValue("location").orElseThrow());
                assertEquals("ws1", s.defaultValue("workspace").orElseThrow());
            }
        }
    }

    @Test
    void aSignOutInOneShellReachesTheOther() {
        try (ShellHarness a = ShellHarness.signedIn(); ShellHarness b = ShellHarness.on(a.home())) {
            assertEquals(0, b.run("group list -o none").exitCode());
            a.ok("logout");
            ShellHarness.Run r = b.run("account show");
            assertEquals(2, r.exitCode(), r.toString());
            assertTrue(r.err().contains("not signed in"), r.err());
        }
    }

    @Test
    void processesSavingTogetherLoseNoSetting() throws Exception {
        Path home;
        try (ShellHarness first = ShellHarness.signedIn()) {
            home = first.home();
        }
        int lines = 150;
        List<ChildAmlsh> children = new ArrayList<>();
        for (String key : List.of("location", "workspace", "group")) {
            StringBuilder script = new StringBuilder();
            for (int i = 1; i <= lines; i++) {
                script.append("configure --defaults ").append(key).append('=').append(key).append(i).append('\n');
            }
            children.add(ChildAmlsh.start(home, script.toString()));
        }
        StringBuilder switches = new StringBuilder();
        for (int i = 0; i < lines / 2; i++) {
            switches.append("account set -s Sandbox\naccount set -s \"Sandbox Unregistered\"\n");
        }
        children.add(ChildAmlsh.start(home, switches.toString()));
        for (ChildAmlsh child : children) {
            ChildAmlsh.Result r = child.await(Duration.ofMinutes(4));
            assertEquals(0, r.exitCode(), r.toString());
        }
        try (ShellHarness after = ShellHarness.on(home)) {
            SessionState s = after.session().state();
            assertEquals("location" + lines, s.defaultValue("location").orElse("(lost)"));
            assertEquals("workspace" + lines, s.defaultValue("workspace").orElse("(lost)"));
            assertEquals("group" + lines, s.defaultValue("group").orElse("(lost)"));
            assertEquals("Sandbox Unregistered", s.currentSubscription().orElseThrow().name());
            assertTrue(s.signedIn());
        }
        try (Stream<Path> files = Files.list(home)) {
            List<String> left = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
            assertEquals(List.of(), left, "half-written files left in the home");
        }
    }

    @Test
    void processesStartingTogetherOnAFreshHomeAllSignIn() throws Exception {
        Path home = ShellHarness.newHome().resolve("fresh");
        List<ChildAmlsh> children = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            children.add(ChildAmlsh.start(home, null, "-c", "group list"));
        }
        List<String> failures = new ArrayList<>();
        for (ChildAmlsh child : children) {
            ChildAmlsh.Result r = child.await(Duration.ofMinutes(6));
            if (r.exitCode() != 0 || !r.out().equals("[]\n") || !r.err().isEmpty()) {
                failures.add(r.toString());
            }
        }
        assertEquals(List.of(), failures);
        try (ShellHarness after = ShellHarness.on(home)) {
            assertTrue(after.session().state().signedIn(), "the home was left signed out");
            assertEquals("[]\n", after.ok("group list"));
        }
        try (Stream<Path> files = Files.walk(home)) {
            List<String> left = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".new-") || n.endsWith(".tmp")).toList();
            assertEquals(List.of(), left, "temporary files left in the home");
        }
    }
}
