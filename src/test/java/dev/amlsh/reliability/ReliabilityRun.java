package dev.amlsh.reliability;

import dev.amlsh.azure.ArmRetryPolicy;
import dev.amlsh.sandbox.SandboxSeed;
import dev.amlsh.sandbox.faults.FaultRule;
import dev.amlsh.sandbox.faults.Faults;
import dev.amlsh.sandbox.store.ResourceFilter;
import dev.amlsh.sandbox.store.SqliteStore;
import dev.amlsh.testing.ShellHarness;
import dev.amlsh.testing.ShellHarness.Run;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reliability run ({@code scripts/reliability}): a shell signed in to a {@code sandbox serve}
 * in another JVM that injects 20% faults, 1,000 commands, a few SIGKILLs of the server, then an
 * audit of the server's store against what the shell reported (rules in {@link Ledger}).
 *
 * <pre>{@code
 * java -cp target/test-classes:target/classes:target/lib/* dev.amlsh.reliability.ReliabilityRun 1000 4 42
 * }</pre>
 */
public final class ReliabilityRun {
    static final List<String> FAULTS = List.of("status=503,rate=0.1", "status=429,retry-after=0,rate=0.05", "drop,rate=0.05");
    static final String UNKNOWN = "whether it took effect is unknown";
    private static final int GROUPS = 8;
    private static final int ACCOUNTS = 16;
    private static final long COMMAND_BOUND_SECONDS = 60;
    private static final String CLOUD = "Reliability";

    private final Ledger ledger = new Ledger();
    private final Random random;
    private final AtomicInteger done = new AtomicInteger();
    private int failures;
    private int notFound;
    private int badFailures;
    private int hangs;
    private int unknownOutcomes;
    private ConfigTraffic settings;

    private ReliabilityRun(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws Exception {
        int commands = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int kills = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : System.nanoTime();
        Path work = Files.createTempDirectory("amlsh-reliability-");
        System.exit(new ReliabilityRun(seed).run(work, commands, kills, seed));
    }

    private int run(Path work, int commands, int kills, long seed) throws Exception {
        long start = System.nanoTime();
        Path serverHome = Files.createDirectories(work.resolve("server"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ServeProcess serve = ServeProcess.start(serverHome, port, FAULTS);
        TreeSet<Integer> killAt = new TreeSet<>();
        while (killAt.size() < kills) {
            killAt.add(commands / 10 + random.nextInt(Math.max(1, commands * 8 / 10)));
        }
        Thread killer = killer(serve, killAt);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "reliability-shell");
            t.setDaemon(true);
            return t;
        });
        Path log = work.resolve("commands.tsv");
        try (ShellHarness sh = ShellHarness.on(Files.createDirectories(work.resolve("client")));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            signIn(sh, "https://127.0.0.1:" + port + "/", serve.certificate());
            // other shells of the same user on the same home, changing settings while this one works
            settings = ConfigTraffic.start(sh.home(), List.of("location", "workspace"));
            killer.start();
            for (int i = 0; i < commands; i++) {
                Step step = next(i);
                long t0 = System.nanoTime();
                Run r = bounded(executor, sh, step.line());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                done.incrementAndGet();
                record(step, r);
                String error = r.err().lines().filter(l -> l.startsWith("ERROR:")).findFirst().orElse("");
                out.println(i + "\t" + r.exitCode() + "\t" + ms + "\t" + step.line() + "\t" + error);
                out.flush();
            }
            killer.join();
        }
        List<String> settingsLost = settings.stopAndAudit(CLOUD, SandboxSeed.CI_CLIENT_ID);
        executor.shutdownNow();
        serve.stop();
        long faults;
        Ledger.Audit audit;
        try (SqliteStore store = SqliteStore.open(serverHome.resolve("sandbox/sandbox.db"))) {
            Faults rules = new Faults(store, null);
            faults = rules.list().stream().mapToLong(FaultRule::fired).sum();
            rules.clear();
            audit = ledger.audit(store.list(ResourceFilter.subscription(SandboxSeed.SUBSCRIPTION_ID), null, 1_000_000).stream()
                    .filter(res -> res.name().toLowerCase(java.util.Locale.ROOT).startsWith("rel")).toList());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("reliability run (seed %d, faults %s)%n", seed, String.join(" ; ", FAULTS));
        row("commands run", commands);
        row("faults injected", faults);
        row("retries", ArmRetryPolicy.retries());
        row("final failures reported", failures);
        row("  of which outcome unknown", unknownOutcomes);
        row("not found (exit 3)", notFound);
        row("SIGKILLs", kills);
        row("failures not one line", badFailures);
        row("commands over " + COMMAND_BOUND_SECONDS + " s", hangs);
        row("lost", audit.lost().size());
        row("duplicated", audit.duplicated().size());
        row("unreported", audit.unreported().size());
        row("other shells on the home", settings.processes());
        row("settings changed", settings.changes());
        row("settings lost", settingsLost.size());
        System.out.printf("%-28s %.1f s%n", "total time", seconds);
        System.out.println("log: " + log);
        audit.lost().forEach(k -> System.out.println("lost: " + k));
        audit.duplicated().forEach(k -> System.out.println("duplicated: " + k));
        audit.unreported().forEach(k -> System.out.println("unreported: " + k));
        settingsLost.forEach(k -> System.out.println("setting lost: " + k));
        boolean clean = audit.lost().isEmpty() && audit.duplicated().isEmpty() && audit.unreported().isEmpty()
                && badFailures == 0 && hangs == 0 && settingsLost.isEmpty();
        return clean ? 0 : 1;
    }

    private static void row(String what, long n) {
        System.out.printf("%-28s %d%n", what, n);
    }

    private static void signIn(ShellHarness sh, String arm, Path pem) {
        sh.ok("cloud register -n " + CLOUD + " --endpoint-resource-manager " + arm + " --endpoint-active-directory " + arm
                + "adfs --ca-cert " + pem + " -o none");
        sh.ok("cloud set -n " + CLOUD + " -o none");
        String login = "login --service-principal -u " + SandboxSeed.CI_CLIENT_ID + " -p " + SandboxSeed.CI_CLIENT_SECRET + " -o none";
        for (int attempt = 0; ; attempt++) {
            Run r = sh.run(login);
            if (r.exitCode() == 0) {
                return;
            }
            if (attempt == 5) {
                throw new IllegalStateException("sign-in failed: " + r);
            }
        }
    }

    /** Kills the server when the shell reaches each planned command, mid-request, and starts it again. */
    private Thread killer(ServeProcess serve, TreeSet<Integer> at) {
        Thread t = new Thread(() -> {
            try {
                for (int target : at) {
                    while (done.get() < target) {
                        Thread.sleep(2);
                    }
                    Thread.sleep(random.nextInt(40));
                    serve.kill();
                    System.out.println("SIGKILL at command " + done.get());
                    Thread.sleep(200 + random.nextInt(800));
                    serve.restart();
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("the killer failed", e);
            }
        }, "reliability-killer");
        t.setDaemon(true);
        return t;
    }

    private Run bounded(ExecutorService executor, ShellHarness sh, String line) throws InterruptedException {
        Future<Run> f = executor.submit(() -> sh.run(line));
        try {
            return f.get(COMMAND_BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            hangs++;
            throw new IllegalStateException("'" + line + "' did not end within " + COMMAND_BOUND_SECONDS + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("'" + line + "' threw", e.getCause());
        }
    }

    /** One command of the mix, and the resource it concerns. */
    record Step(String kind, String type, String name, String group, String line) {
    }

    private Step next(int i) {
        int roll = random.nextInt(100);
        String group = "rel-g" + random.nextInt(GROUPS);
        String shown = random.nextInt(4) == 0 ? group.toUpperCase(java.util.Locale.ROOT) : group;
        int a = random.nextInt(ACCOUNTS);
        String account = "relsa" + a;
        String home = "rel-g" + a % GROUPS;
        if (roll < 20) {
            return new Step("create", Ledger.GROUP, group, group, "group create -n " + shown + " -l eastus -o none");
        }
        if (roll < 30) {
            return new Step("update", Ledger.GROUP, group, group, "group update -n " + shown + " --tags seq=" + i + " -o none");
        }
        if (roll < 36) {
            return new Step("delete", Ledger.GROUP, group, group, "group delete -n " + shown + " --yes");
        }
        if (roll < 52) {
            return new Step("create", Ledger.STORAGE, account, home, "storage account create -n " + account + " -g " + home
                    + " -l eastus -o none");
        }
        if (roll < 58) {
            return new Step("delete", Ledger.STORAGE, account, home, "storage account delete -n " + account + " -g " + home + " --yes");
        }
        if (roll < 61) {
            return new Step("setting", null, group, null, "configure --defaults group=" + group);
        }
        String read = switch (roll % 5) {
            case 0 -> "group show -n " + shown + " -o none";
            case 1 -> "group exists -n " + shown;
            case 2 -> "group list --query \"[].name\" -o none";
            case 3 -> "storage account show -n " + account + " -g " + home + " -o none";
            default -> "storage account list -g " + home + " -o none";
        };
        return new Step("read", null, null, null, read);
    }

    private void record(Step step, Run r) {
        List<String> errors = r.err().lines().toList();
        if (r.exitCode() != 0) {
            boolean oneLine = errors.size() == 1 && errors.get(0).startsWith("ERROR: ");
            if (!oneLine) {
                badFailures++;
                System.out.println("not one line: " + step.line() + "\n" + r.err());
            }
            if (r.exitCode() == 3) {
                notFound++;
            } else {
                failures++;
            }
        }
        if (step.kind().equals("setting")) {
            if (r.exitCode() == 0) {
                settings.ownChange("group", step.name());
            }
            return;
        }
        if (step.kind().equals("read") || step.kind().equals("update")) {
            return;
        }
        boolean unknown = r.exitCode() != 0 && r.err().contains(UNKNOWN);
        unknownOutcomes += unknown ? 1 : 0;
        if (step.type().equals(Ledger.STORAGE)) {
            ledger.inGroup(step.name(), step.group());
        }
        if (step.kind().equals("create")) {
            if (r.exitCode() == 0) {
                ledger.created(step.type(), step.name());
            } else if (unknown) {
                ledger.unknown(step.type(), step.name());
            }
        } else if (r.exitCode() == 0 || r.exitCode() == 3) {
            ledger.deleted(step.type(), step.name());
        } else if (unknown) {
            if (step.type().equals(Ledger.GROUP)) {
                ledger.groupDeleteUnknown(step.name());
            } else {
                ledger.unknown(step.type(), step.name());
            }
        }
    }
}
