package dev.amlsh.command;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random and mutated command lines (seeded, so a failure can be replayed): each ends
 * within a timeout with exit 0-3, at most one {@code ERROR:} line on stderr, and no Java exception
 * names or stack frames anywhere (unless the line asked for {@code --debug}).
 */
class FuzzTest {
    private static final long SEED = Long.getLong("amlsh.fuzz.seed", 20_240_613L);
    private static final int LINES = Integer.getInteger("amlsh.fuzz.lines", 2500);
    private static final Pattern JAVA_NOISE = Pattern.compile(
            "\\b[A-Za-z]*(Exception|Throwable)\\b|\\bat [a-zA-Z_$][\\w$]*(\\.[\\w$<>]+)+\\(|\\b(java|javax|picocli|reactor|com\\.azure|com\\.google|org\\.sqlite)\\.[a-z]");
    private static final List<String> SEEDS = List.of(
            "group list", "group show -n rg1", "group create -n fz1 -l eastus --tags a=b c", "group update -n rg1 --tags x=y",
            "group exists -n rg1", "group delete -n fz-gone --yes --no-wait", "account show", "account list", "account list-locations -o table",
            "provider show -n Microsoft.Storage", "provider list --query \"[].namespace\" -o tsv", "ml workspace show -w ws1 -g rg1",
            "ml workspace list -g rg1", "configure --list-defaults", "use rg1", "help group", "group list -o table", "group list -o yaml",
            "sandbox show", "cloud list", "group show -n rg1 --query id -o tsv", "az group list --tag a=b", "group -h", "ml workspace",
            "group show --name rg1 --subscription Sandbox -o jsonc", "sandbox faults list");
    private static final List<String> NASTY = List.of(
            "名前", "Ωmega", "\u202Eevil\u202C", "\u200F", "\uFEFF", "😀", "e\u0301", "\uD800", "\u0000", "\u0007", "\u001b[31mred\u001b[0m",
            "\u001b]0;title\u0007", "\r", "\n", "\t", "\u0085", "\u2028", "x".repeat(100_000), "\"", "'", "\"unbalanced", "'a\"b'", "\\",
            "$(", "$(rm -rf /)", "`id`", ";", "&&", "||", "|", ">", "<", "&", "../", "..\\..\\", "/etc/passwd", "%2F", "%00", "' OR '1'='1",
            "\"; DROP TABLE resources; --", "{\"a\":", "]}", "${jndi:ldap://x}", "<script>", "%s%n%x", "--", "-", "---", "--query", "-o",
            "--output=", "--tags=", "=", "==", "--subscription", "-1", "99999999999999999999", "NaN", "0x10", "[?name=='x'", "@", "--no-wait",
            "--yes", "-n", "-g", "--name=", "*", "?", "~", "#", "#!", "\\u0041");

    @Test
    void randomAndMutatedLinesEndInAResultOrOneError() throws Exception {
        Random random = new Random(SEED);
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        try (ShellHarness sh = ShellHarness.signedIn()) {
            sh.ok("group create -n rg1 -l eastus -o none");
            for (int i = 0; i < LINES && failures.size() < 10; i++) {
                String line = line(random);
                Future<Run> run = runner.submit(() -> sh.run(line));
                Run r;
                try {
                    r = run.get(20, TimeUnit.SECONDS);
                } catch (TimeoutException hang) {
                    fail("line " + i + " hung: " + show(line));
                    return;
                }
                String problem = problem(line, r);
                if (problem != null) {
                    failures.add("line " + i + " " + show(line) + ": " + problem + "\n" + clip(r.toString()));
                }
            }
        } finally {
            runner.shutdownNow();
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.println("fuzz: " + LINES + " lines, seed " + SEED + ", " + seconds + " s, " + failures.size() + " failures");
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
    }

    /** What is wrong with how the line ended, or null. */
    static String problem(String line, Run r) {
        if (r.exitCode() < 0 || r.exitCode() > 3) {
            return "exit code " + r.exitCode();
        }
        boolean debug = Arrays.asList(line.split("\\s+")).contains("--debug");
        if (debug) {
            return null;
        }
        List<String> errors = r.err().lines().filter(l -> !l.startsWith("WARNING:")).toList();
        if (r.exitCode() == 0 && !errors.isEmpty()) {
            return "stderr on success";
        }
        if (r.exitCode() != 0 && (errors.size() != 1 || !errors.get(0).startsWith("ERROR: "))) {
            return "not exactly one ERROR line";
        }
        if (JAVA_NOISE.matcher(r.out()).find() && !line.contains("help") || JAVA_NOISE.matcher(r.err()).find()) {
            return "Java internals in the output";
        }
        if (r.err().chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            return "control characters on stderr";
        }
        return null;
    }

    static String line(Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            StringBuilder junk = new StringBuilder();
            for (int n = random.nextInt(60); n > 0; n--) {
                junk.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x3000)));
            }
            return junk.toString();
        }
        List<String> words = new ArrayList<>(Arrays.asList(SEEDS.get(random.nextInt(SEEDS.size())).split(" ")));
        for (int m = 1 + random.nextInt(3); m > 0; m--) {
            int at = random.nextInt(words.size() + 1);
            String nasty = NASTY.get(random.nextInt(NASTY.size()));
            switch (random.nextInt(6)) {
                case 0 -> words.add(at, nasty);
                case 1 -> words.set(Math.min(at, words.size() - 1), nasty);
                case 2 -> words.add(at, "\"" + nasty + "\"");
                case 3 -> {
                    if (words.size() > 1) {
                        words.remove(Math.min(at, words.size() - 1));
                    }
                }
                case 4 -> {
                    int w = Math.min(at, words.size() - 1);
                    String s = words.get(w);
                    int pos = s.isEmpty() ? 0 : random.nextInt(s.length());
                    words.set(w, s.substring(0, pos) + (char) random.nextInt(0x250) + s.substring(pos));
                }
                default -> words.add(at, words.get(Math.min(at, words.size() - 1)));
            }
        }
        String line = String.join(" ", words);
        return random.nextInt(8) == 0 ? line.substring(0, random.nextInt(line.length() + 1)) : line;
    }

    private static String show(String line) {
        StringBuilder sb = new StringBuilder();
        for (char c : clip(line).toCharArray()) {
            sb.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return "[" + sb + "]";
    }

    private static String clip(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "...(" + s.length() + " chars)" : s;
    }
}
