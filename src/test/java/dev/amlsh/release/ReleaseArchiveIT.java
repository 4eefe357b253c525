package dev.amlsh.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a user installs it: unpacked somewhere else, started through its
 * bin/amlsh with no Maven on the PATH and no project next to it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReleaseArchiveIT {
    @TempDir
    Path tmp;

    @Test
    void theUnpackedReleaseRunsCommandsWithoutMaven() throws Exception {
        Path archive = archive();
        Path install = Files.createDirectories(tmp.resolve("opt"));
        Result untar = run(List.of("tar", "-xzf", archive.toString(), "-C", install.toString()), Map.of(), install);
        assertEquals(0, untar.code(), untar.output());

        String version = archive.getFileName().toString().replaceFirst("^amlsh-", "").replaceFirst("\\.tar\\.gz$", "");
        Path top = install.resolve("amlsh-" + version);
        for (String f : List.of("bin/amlsh", "lib/amlsh.jar", "share/bash-completion/amlsh-completion.bash",
                "README.md", "CHANGELOG.md")) {
            assertTrue(Files.exists(top.resolve(f)), "the release has " + f);
        }
        assertTrue(Files.isExecutable(top.resolve("bin/amlsh")), "bin/amlsh is executable");

        // Only java's own directory on the PATH: the release launcher must never look for Maven.
        Path javaBin = Path.of(System.getProperty("java.home"), "bin");
        Map<String, String> env = Map.of(
                "PATH", javaBin + ":/usr/bin:/bin",
                "AMLSH_HOME", tmp.resolve("home").toString(),
                "AMLSH_CDS", "0",
                "HOME", tmp.toString());
        Result group = run(List.of(top.resolve("bin/amlsh").toString(), "-c", "group create -n rel -l eastus --query name -o tsv"),
                env, tmp);
        assertEquals(0, group.code(), group.output());
        assertEquals("rel", group.output().strip().lines().reduce((a, b) -> b).orElse(""), group.output());

        // that command left the home's resident process behind; the next one-shot commands go to it
        Path socket = tmp.resolve("home/run/resident.sock");
        for (int i = 0; i < 300 && !Files.exists(socket); i++) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(socket), "a resident process listens after the first one-shot command");
        Result served = run(List.of(top.resolve("bin/amlsh").toString(), "-c", "group show -n rel --query name -o tsv --debug"),
                env, tmp);
        assertEquals(0, served.code(), served.output());
        assertTrue(served.output().contains("run by the resident process"), served.output());
        assertTrue(served.output().contains("\nrel\n"), served.output());
        Map<String, String> own = new java.util.HashMap<>(env);
        own.put("AMLSH_RESIDENT", "0");
        Result alone = run(List.of(top.resolve("bin/amlsh").toString(), "group", "show", "-n", "rel", "--debug"), own, tmp);
        assertEquals(0, alone.code(), alone.output());
        assertFalse(alone.output().contains("run by the resident process"), alone.output());

        run(List.of(top.resolve("bin/amlsh").toString(), "sandbox", "stop"), env, tmp);
        Files.delete(socket);   // the resident notices and ends
    }

    private static Path archive() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target").toAbsolutePath())) {
            return files.filter(p -> p.getFileName().toString().matches("amlsh-.+\\.tar\\.gz"))
                    .findFirst().orElseThrow(() -> new AssertionError("mvn package made no target/amlsh-*.tar.gz"));
        }
    }

    private record Result(int code, String output) {
    }

    private static Result run(List<String> cmd, Map<String, String> env, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        if (!env.isEmpty()) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        Path out = Files.createTempFile(dir, "out", ".txt");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(150, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish in 150 s: " + Files.readString(out));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }
}
