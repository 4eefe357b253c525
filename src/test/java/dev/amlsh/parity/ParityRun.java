package dev.amlsh.parity;

import dev.amlsh.recorded.Recording;
import dev.amlsh.sandbox.Sandbox;
import dev.amlsh.sandbox.SandboxHttp;
import dev.amlsh.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The parity suite's run: every extract under {@code src/test/resources/recorded/} replayed
 * against a fresh sandbox, the per-type table, and the differences not in the accepted list.
 * {@code scripts/parity} runs {@link #main}; {@code ParityTest} asserts on the same run.
 *
 * <pre>{@code
 * ParityRun run = ParityRun.execute();
 * System.out.print(run.table());
 * }</pre>
 */
public final class ParityRun {
    /** The accepted differences: one per line, {@code pattern<TAB>reason}; a pattern ending in '*' is a prefix. */
    static final Path ACCEPTED = Path.of("src", "test", "resources", "parity", "accepted-differences.tsv");

    final List<ParityResult> results;
    final Map<String, String> accepted;

    private ParityRun(List<ParityResult> results, Map<String, String> accepted) {
        this.results = results;
        this.accepted = accepted;
    }

    public static ParityRun execute() throws IOException {
        List<ParityResult> results = new ArrayList<>();
        try (Sandbox sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO))) {
            ParityReplay replay = new ParityReplay(new SandboxHttp(sandbox), sandbox.endpoint().toString());
            for (Recording r : recordings()) {
                results.addAll(replay.replay(r));
            }
        }
        return new ParityRun(results, loadAccepted());
    }

    static List<Recording> recordings() {
        List<Recording> all = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Recording.root())) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                all.addAll(Recording.loadAll(d.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    static Map<String, String> loadAccepted() {
        Map<String, String> out = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(ACCEPTED, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split("\t", 2);
                if (p.length != 2 || p[1].isBlank()) {
                    throw new IllegalStateException("accepted difference without a reason: " + line);
                }
                out.put(p[0].trim(), p[1].trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    boolean isAccepted(String difference) {
        for (String pattern : accepted.keySet()) {
            if (pattern.endsWith("*") ? difference.startsWith(pattern.substring(0, pattern.length() - 1))
                    : difference.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    /** Every difference not accepted, with where it happened. */
    List<String> unaccepted() {
        List<String> out = new ArrayList<>();
        for (ParityResult r : results) {
            for (String d : r.differences()) {
                if (!isAccepted(d)) {
                    out.add(r.where() + ": " + d);
                }
            }
        }
        return out;
    }

    int total() {
        return results.size();
    }

    int statusEqual() {
        return (int) results.stream().filter(ParityResult::statusEqual).count();
    }

    int comparable() {
        return (int) results.stream().filter(ParityResult::comparable).count();
    }

    int keysEqual() {
        return (int) results.stream().filter(ParityResult::keysEqual).count();
    }

    /** The Markdown table per resource type, with the totals. */
    String table() {
        Map<String, int[]> rows = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (ParityResult r : results) {
            int[] c = rows.computeIfAbsent(r.type(), k -> new int[4]);
            c[0]++;
            c[1] += r.statusEqual() ? 1 : 0;
            c[2] += r.comparable() ? 1 : 0;
            c[3] += r.keysEqual() ? 1 : 0;
        }
        StringBuilder sb = new StringBuilder("| resource type | replayed | status equal | key sets equal (of comparable) |\n|---|---:|---:|---:|\n");
        rows.forEach((t, c) -> sb.append(row(t, c[0], c[1], c[2], c[3])));
        sb.append(row("**total**", total(), statusEqual(), comparable(), keysEqual()));
        return sb.toString();
    }

    private static String row(String type, int n, int status, int comparable, int keys) {
        return String.format("| %s | %d | %d (%s) | %d of %d (%s) |%n", type, n, status, pct(status, n), keys, comparable, pct(keys, comparable));
    }

    static String pct(int a, int b) {
        return b == 0 ? "-" : String.format("%.1f%%", 100.0 * a / b);
    }

    /** Prints the table, then every difference (accepted ones marked), to stdout. */
    public static void main(String[] args) throws IOException {
        boolean all = args.length > 0 && args[0].equals("--all");
        ParityRun run = execute();
        System.out.print(run.table());
        System.out.println();
        int files = recordings().size();
        System.out.println("Recordings: " + files + " files, " + run.total() + " interactions replayed.");
        for (ParityResult r : run.results) {
            for (String d : r.differences()) {
                boolean ok = run.isAccepted(d);
                if (all || !ok) {
                    System.out.println((ok ? "accepted  " : "DIFFERENT ") + r.where() + ": " + d);
                }
            }
        }
    }
}
