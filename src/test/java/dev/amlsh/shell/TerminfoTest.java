package dev.amlsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jline.utils.InfoCmp;
import org.jline.utils.InfoCmp.Capability;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell reads a terminal's capabilities from the terminfo database instead of running
 * {@code infocmp}: what JLine makes of them must be what it made of infocmp's output, for every
 * terminal type installed here (keys, colours, cursor movement). Needs infocmp (ncurses): skipped
 * with a message without it, failed in CI.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TerminfoTest {
    @TempDir
    Path dir;

    @Test
    void everyInstalledTerminalTypeGivesJLineWhatInfocmpGaveIt() throws Exception {
        needInfocmp();
        Set<String> types = installedTypes();
        assertTrue(types.contains("xterm") || types.contains("vt100"), "no terminfo database found: " + types);
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (String type : types) {
            String reference = infocmp(type);
            if (reference == null) {
                continue;
            }
            String ours = Terminfo.source(type, Map.of()).orElse(null);
            if (ours == null) {
                differences.add(type + ": not read from the database");
                continue;
            }
            Parsed expected = Parsed.of(reference);
            Parsed actual = Parsed.of(ours);
            if (!expected.equals(actual)) {
                differences.add(type + ": " + expected.diff(actual));
            }
            compared++;
        }
        assertTrue(compared >= 2, "compared only " + compared + " types");
        assertEquals(List.of(), differences);
    }

    @Test
    void anEntryUnderTerminfoIsFoundFirstAndATypeNowhereIsNot() throws Exception {
        Path vt100 = Terminfo.directories(Map.of()).stream().map(d -> d.resolve("v").resolve("vt100"))
                .filter(Files::isRegularFile).findFirst().orElse(null);
        Assumptions.assumeTrue(vt100 != null, "no vt100 entry in this machine's terminfo database");
        Files.createDirectories(dir.resolve("a"));
        Files.copy(vt100, dir.resolve("a").resolve("amlsh-term"));
        Map<String, String> env = Map.of("TERMINFO", dir.toString());

        String caps = Terminfo.source("amlsh-term", env).orElseThrow();
        Parsed parsed = Parsed.of(caps);
        assertEquals("\\E[%i%p1%d;%p2%dH$<5>", parsed.strings.get(Capability.cursor_address));
        assertEquals(80, parsed.ints.get(Capability.columns));
        assertTrue(Terminfo.source("amlsh-term", Map.of()).isEmpty());
        assertTrue(Terminfo.source("no-such-terminal", env).isEmpty());
        assertTrue(Terminfo.source("../etc/passwd", env).isEmpty());
    }

    @Test
    void aDamagedEntryIsLeftToJLineNotAnError() throws IOException {
        Files.createDirectories(dir.resolve("b"));
        Files.write(dir.resolve("b").resolve("broken"), "not a terminfo entry".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("b").resolve("bad-header"), new byte[] {0x1a, 0x01, (byte) 0xff, (byte) 0x7f, 1, 0, 1, 0});
        Map<String, String> env = Map.of("TERMINFO", dir.toString());

        assertTrue(Terminfo.source("broken", env).isEmpty());
        assertTrue(Terminfo.source("bad-header", env).isEmpty());
    }

    @Test
    void aTypeWithoutAnEntryGetsJLinesBuiltInCapabilitiesNotInfocmp() {
        String type = "amlsh-unknown-" + System.nanoTime();
        SystemTerminal.seedCapabilities(type, Map.of("TERMINFO", dir.toString()));
        assertEquals(InfoCmp.getDefaultInfoCmp("ansi"), InfoCmp.getLoadedInfoCmp(type));
    }

    /** The terminal types of this machine's system terminfo database. */
    private static Set<String> installedTypes() throws IOException {
        Set<String> types = new TreeSet<>();
        for (String root : List.of("/lib/terminfo", "/usr/share/terminfo", "/etc/terminfo")) {
            Path base = Path.of(root);
            if (!Files.isDirectory(base)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(base, 2)) {
                files.filter(Files::isRegularFile).filter(f -> f.getParent().getFileName().toString().length() <= 2)
                        .forEach(f -> types.add(f.getFileName().toString()));
            }
        }
        return types;
    }

    private static String infocmp(String type) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("infocmp", "-x", type).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
    }

    private static void needInfocmp() {
        boolean present;
        try {
            Process p = new ProcessBuilder("infocmp", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            present = p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        if (!present) {
            String why = "infocmp is not installed; install ncurses (apt-get install ncurses-bin) to run this test";
            if (System.getenv("CI") != null) {
                fail("CI must run the terminfo comparison: " + why);
            }
            System.err.println("TerminfoTest skipped: " + why);
            Assumptions.abort("Skipped: " + why);
        }
    }

    /** What JLine makes of a capability source, or the exception it fails with. */
    private record Parsed(Set<Capability> bools, Map<Capability, Integer> ints, Map<Capability, String> strings, String failure) {
        static Parsed of(String source) {
            Set<Capability> bools = EnumSet.noneOf(Capability.class);
            Map<Capability, Integer> ints = new HashMap<>();
            Map<Capability, String> strings = new HashMap<>();
            try {
                InfoCmp.parseInfoCmp(source, bools, ints, strings);
                return new Parsed(bools, ints, strings, null);
            } catch (RuntimeException e) {
                return new Parsed(Set.of(), Map.of(), Map.of(), e.getClass().getName());
            }
        }

        String diff(Parsed other) {
            List<String> out = new ArrayList<>();
            if (!java.util.Objects.equals(failure, other.failure)) {
                out.add("failure " + failure + " / " + other.failure);
            }
            if (!bools.equals(other.bools)) {
                out.add("booleans " + bools + " / " + other.bools);
            }
            if (!ints.equals(other.ints)) {
                out.add("numbers " + ints + " / " + other.ints);
            }
            for (Capability c : Capability.values()) {
                if (!java.util.Objects.equals(strings.get(c), other.strings.get(c))) {
                    out.add(c + " infocmp=" + strings.get(c) + " ours=" + other.strings.get(c));
                }
            }
            return String.join("; ", out);
        }
    }
}
