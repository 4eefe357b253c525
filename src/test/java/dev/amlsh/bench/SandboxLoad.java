package dev.amlsh.bench;

import dev.amlsh.sandbox.Sandbox;
import dev.amlsh.sandbox.SandboxHttp;
import dev.amlsh.sandbox.SandboxOptions;
import dev.amlsh.sandbox.SandboxSeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sandbox throughput: N client threads on one kept-alive JDK HttpClient doing authenticated GETs
 * of one resource group against a sandbox in this process, on loopback, for a bounded time.
 * Prints {@code gets_per_s=...}. Run by {@code scripts/bench}; not a test.
 *
 * <pre>{@code
 * java -cp target/classes:target/test-classes:target/lib/* dev.amlsh.bench.SandboxLoad 4 3 10
 * }</pre>
 */
public final class SandboxLoad {
    private SandboxLoad() {
    }

    /** Arguments: threads, warm-up seconds, measured seconds. */
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        long warmupSeconds = args.length > 1 ? Long.parseLong(args[1]) : 3;
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 10;
        Path home = Files.createTempDirectory("amlsh-load-");
        try (Sandbox sandbox = Sandbox.start(new SandboxOptions(home, 0, Duration.ZERO))) {
            SandboxHttp http = new SandboxHttp(sandbox);
            String group = "/subscriptions/" + SandboxSeed.SUBSCRIPTION_ID + "/resourcegroups/load-rg";
            if (http.put(group, "{\"location\":\"eastus\"}").status() >= 300) {
                throw new IllegalStateException("cannot create the group to read");
            }
            run(http, group, threads, Duration.ofSeconds(warmupSeconds));
            long count = run(http, group, threads, Duration.ofSeconds(seconds));
            System.out.printf(Locale.ROOT, "gets_per_s=%.0f%nthreads=%d%n", count / (double) seconds, threads);
        }
        WarmShellBench.deleteTree(home);
    }

    private static long run(SandboxHttp http, String path, int threads, Duration length) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong ok = new AtomicLong();
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Thread(() -> {
                while (!stop.get()) {
                    if (http.get(path).status() != 200) {
                        throw new IllegalStateException("GET failed");
                    }
                    ok.incrementAndGet();
                }
            }, "load-" + i);
            workers[i].start();
        }
        Thread.sleep(length.toMillis());
        stop.set(true);
        for (Thread t : workers) {
            t.join();
        }
        return ok.get();
    }
}
