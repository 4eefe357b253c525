package dev.amlsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.amlsh.testing.AmlshProcesses;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell on real terminals (tmux) of types JLine has no built-in description of: it starts
 * without running a program to learn about the terminal (each one a fork and exec before the
 * prompt), without a warning or stack trace when the type is unknown to the machine, and still
 * works, as quietly, without a writable temporary folder or a native library for the platform.
 * Needs tmux: skipped with a message on a machine without it, failed in CI.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class TerminalStartTmuxTest {
    /** Programs JLine runs to learn about a terminal when it is left to itself. */
    private static final List<String> PROBES = List.of("infocmp", "stty", "tty", "test", "tput");

    @TempDir
    static Path home;
    @TempDir
    Path work;

    private final dev.amlsh.testing.TmuxScreen tmux =
            new dev.amlsh.testing.TmuxScreen("amlsh-term-" + ProcessHandle.current().pid() + "-" + System.nanoTime());

    @BeforeAll
    static void signIn() throws Exception {
        needTmux();
        AmlshProcesses.Result first = AmlshProcesses.run(home, "-c", "group create -n term -l eastus -o none");
        assertEquals(0, first.exitCode(), first.toString());
    }

    @AfterEach
    void closeTerminal() throws Exception {
        tmux.run("kill-server");
    }

    @AfterAll
    static void stopSandbox() {
        AmlshProcesses.stopSandbox(home);
    }

    @Test
    void aTmuxTerminalGetsItsPromptWithoutAnyProgramRunToProbeIt() throws Exception {
        Path log = work.resolve("probes.log");
        Path bin = probeWrappers(log);
        String screen = shell("tmux-256color", List.of("PATH=" + bin + File.pathSeparator + System.getenv("PATH")));

        assertClean(screen);
        assertFalse(Files.exists(log), () -> "the shell ran, before its first command's result:\n" + read(log));
    }

    @Test
    void aTerminalTypeThisMachineDoesNotKnowStartsWithoutAWarning() throws Exception {
        assertClean(shell("xterm-kitty-amlsh-unknown", List.of()));
    }

    @Test
    void withoutAWritableTemporaryFolderTheShellStillWorks() throws Exception {
        assertClean(shell("xterm-256color", List.of(), "-Djava.io.tmpdir=" + work.resolve("missing")));
    }

    @Test
    void onAPlatformJLineHasNoNativeLibraryForTheShellStillWorks() throws Exception {
        assertClean(shell("xterm-256color", List.of(), "-Dos.arch=amlsh-unknown-arch"));
    }

    @Test
    void onJava22OrNewerWithoutNativeAccessTheShellStartsWithoutTheRuntimesWarnings() throws Exception {
        Path newer = javaAtLeast(22);
        Assumptions.assumeTrue(newer != null, "no Java 22 or newer installed beside " + System.getProperty("java.home"));
        assertClean(shell(newer.toString(), "xterm-256color", List.of()));
    }

    /** Starts the shell on a terminal of {@code type}, runs one command, returns the screen once its result is up. */
    private String shell(String type, List<String> env, String... jvmOptions) throws Exception {
        return shell(Path.of(System.getProperty("java.home"), "bin", "java").toString(), type, env, jvmOptions);
    }

    private String shell(String java, String type, List<String> env, String... jvmOptions) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of("env", "TERM=" + type, "AMLSH_HOME=" + home,
                "AMLSH_SANDBOX_LRO_DELAY_MS=0", "AMLSH_SANDBOX_IDLE_TIMEOUT=120s", "AMLSH_NO_KEYRING=1"));
        command.addAll(env);
        command.addAll(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classpath, "dev.amlsh.app.Main"));
        tmux.run("new-session", "-d", "-s", "t", "-x", "160", "-y", "40", String.join(" ", command));
        tmux.await(screen -> screen.contains("amlsh Sandbox>"), Duration.ofSeconds(60));
        tmux.run("send-keys", "-t", "t", "group show -n term --query name -o tsv", "Enter");
        String result = tmux.await(screen -> screen.lines().anyMatch(l -> l.strip().equals("term"))
                && screen.strip().endsWith("amlsh Sandbox>"), Duration.ofSeconds(60));
        tmux.run("send-keys", "-t", "t", "exit", "Enter");
        return result;
    }

    /** A java of release {@code feature} or newer installed beside the one running the tests, or null. */
    private static Path javaAtLeast(int feature) throws IOException {
        Path jvms = Path.of(System.getProperty("java.home")).toRealPath().getParent();
        try (var dirs = Files.list(jvms)) {
            for (Path dir : dirs.sorted().toList()) {
                Path release = dir.resolve("release");
                Path java = dir.resolve("bin").resolve("java");
                if (!Files.isRegularFile(release) || !Files.isExecutable(java)) {
                    continue;
                }
                for (String line : Files.readAllLines(release)) {
                    if (line.startsWith("JAVA_VERSION=")) {
                        String version = line.substring(13).replace("\"", "");
                        String major = version.split("[.+-]")[0];
                        if (major.matches("\\d+") && Integer.parseInt(major) >= feature) {
                            return java;
                        }
                    }
                }
            }
        }
        return null;
    }

    private static void assertClean(String screen) {
        for (String noise : List.of("WARNING", "Exception", "\tat ", "ERROR")) {
            assertFalse(screen.contains(noise), () -> "the screen shows " + noise + ":\n" + screen);
        }
    }

    /** A folder of scripts that log their name to {@code log} and run the real program of that name. */
    private Path probeWrappers(Path log) throws IOException {
        Path bin = Files.createDirectories(work.resolve("bin"));
        for (String name : PROBES) {
            Path real = onPath(name);
            if (real == null) {
                continue;
            }
            Path wrapper = bin.resolve(name);
            Files.writeString(wrapper, "#!/bin/sh\necho \"" + name + " $*\" >> '" + log + "'\nexec '" + real + "' \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin;
    }

    private static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }


    private static void needTmux() {
        boolean present;
        try {
            present = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        if (!present) {
            String why = "tmux is not installed; install it (apt-get install tmux) to run this test";
            if (System.getenv("CI") != null) {
                fail("CI must run the terminal test: " + why);
            }
            System.err.println("TerminalStartTmuxTest skipped: " + why);
            Assumptions.abort("Skipped: " + why);
        }
    }
}
