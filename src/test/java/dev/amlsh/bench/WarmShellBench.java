package dev.amlsh.bench;

import com.azure.core.http.HttpMethod;
import dev.amlsh.azure.ArmRest;
import dev.amlsh.azure.Azure;
import dev.amlsh.command.CommandIo;
import dev.amlsh.command.Dispatcher;
import dev.amlsh.session.AmlshHome;
import dev.amlsh.session.Session;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * One command in a warm shell: opens a session on a throwaway home, warms the dispatcher up,
 * then times dispatches of {@code group show}, {@code group list} and a create/delete pair, as a
 * shell's user would run them (output rendered, then discarded). Also checks that a long-running
 * delete is polled at the sandbox's pace, through the fluent SDK and through {@link ArmRest}.
 * Run by {@code scripts/bench}; not a test.
 *
 * <pre>{@code
 * java -cp target/classes:target/test-classes:target/lib/* dev.amlsh.bench.WarmShellBench 200 500
 * }</pre>
 */
public final class WarmShellBench {
    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    private static final CommandIo IO = CommandIo.plain(DISCARD, DISCARD);

    private WarmShellBench() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path dir = Files.createTempDirectory("amlsh-bench-");
        try (Session session = Session.open(new AmlshHome(dir.resolve("home")), Duration.ZERO)) {
            Dispatcher d = new Dispatcher(session);
            must(d, "login --sandbox -o none");
            must(d, "group create -n bench-rg -l eastus -o none");
            String[] show = {"group show -n bench-rg"};
            String[] list = {"group list"};
            String[] pair = {"group create -n bench-tmp -l eastus", "group delete -n bench-tmp --yes"};
            for (int i = 0; i < warmup; i++) {
                time(d, show);
                time(d, list);
                time(d, pair);
            }
            System.out.print(measure(d, "show", show, runs).lines());
            System.out.print(measure(d, "list", list, runs).lines());
            System.out.print(measure(d, "pair", pair, Math.max(1, runs / 5)).lines());
        }
        try (Session slow = Session.open(new AmlshHome(dir.resolve("slow")), Duration.ofMillis(500))) {
            lroChecks(slow);
        }
        deleteTree(dir);
    }

    /** With the sandbox's operations taking 0.5 s, a delete must take about that, not the SDK's 30 s default wait. */
    private static void lroChecks(Session session) {
        Dispatcher d = new Dispatcher(session);
        must(d, "login --sandbox -o none");
        long[] fluent = new long[3];
        long[] rest = new long[3];
        // a facade of its own, so this harness also runs against builds older than Dispatcher.azure()
        ArmRest arm = new Azure(session, java.util.List.of()).clients().rest();
        String sub = session.state().subscriptionId();
        for (int i = 0; i < fluent.length; i++) {
            must(d, "group create -n lro-a -l eastus -o none");
            fluent[i] = time(d, new String[] {"group delete -n lro-a --yes"});
            must(d, "group create -n lro-b -l eastus -o none");
            long start = System.nanoTime();
            arm.beginLro(HttpMethod.DELETE, "/subscriptions/" + sub + "/resourcegroups/lro-b", "2021-04-01", null).waitForCompletion();
            rest[i] = System.nanoTime() - start;
        }
        System.out.print(Stats.of("lro.fluent", fluent).lines());
        System.out.print(Stats.of("lro.rest", rest).lines());
    }

    private static Stats measure(Dispatcher d, String key, String[] lines, int runs) {
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            nanos[i] = time(d, lines);
        }
        return Stats.of(key, nanos);
    }

    private static long time(Dispatcher d, String[] lines) {
        long start = System.nanoTime();
        for (String line : lines) {
            must(d, line);
        }
        return System.nanoTime() - start;
    }

    private static void must(Dispatcher d, String line) {
        int code = d.dispatch(line, IO);
        if (code != 0) {
            throw new IllegalStateException(String.format(Locale.ROOT, "'%s' exited with %d", line, code));
        }
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
