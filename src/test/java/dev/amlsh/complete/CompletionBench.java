package dev.amlsh.complete;

import dev.amlsh.command.Dispatcher;
import dev.amlsh.session.AmlshHome;
import dev.amlsh.session.Identity;
import dev.amlsh.session.Session;
import dev.amlsh.session.SessionState;
import dev.amlsh.session.SubscriptionInfo;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * Measures Tab: the line completer over an index of 10,000 synthetic resources (200 groups of 50,
 * five types), N completions of each kind after a warm-up, each including the prefix match the
 * shell does; prints p50 and p99 per kind and overall against DESIGN.md's target (10 ms p99).
 * Run it with {@code scripts/bench-complete [resources] [iterations]}.
 *
 * <pre>{@code
 * java -cp target/amlsh.jar:target/lib/* dev.amlsh.complete.CompletionBench 10000 2000
 * }</pre>
 */
public final class CompletionBench {
    static final String SUB = "0b1f6471-1bf0-4dda-aec3-111122223333";
    private static final String[] TYPES = {"Microsoft.Storage/storageAccounts", "Microsoft.KeyVault/vaults",
        "Microsoft.Insights/components", "Microsoft.ContainerRegistry/registries", "Microsoft.MachineLearningServices/workspaces"};

    private CompletionBench() {
    }

    public static void main(String[] args) throws Exception {
        int resources = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        try (Session session = Session.open(new AmlshHome(Files.createTempDirectory("amlsh-bench")), Duration.ZERO)) {
            CommandLine tree = StandInCommands.addIfMissing(new Dispatcher(session).tree());
            ResourceIndex index = filled(resources);
            SessionState state = SessionState.signedOut("Sandbox").signedIn(new Identity("admin@sandbox.amlsh", "user"), "t",
                    List.of(new SubscriptionInfo(SUB, "Sandbox", "t", "Enabled")), SUB).withDefault("group", "rg-042");
            LineCompleter completer = new LineCompleter(tree, index, () -> state);
            String group = "/subscriptions/" + SUB + "/resourceGroups/";
            Map<String, String> lines = new LinkedHashMap<>();
            lines.put("commands", "ml workspace ");
            lines.put("options", "ml workspace create -w ws -g rg-1 --");
            lines.put("groups (-g)", "group show -g rg-1");
            lines.put("workspaces (-g on line)", "ml workspace show -g rg-137 -w ");
            lines.put("workspaces (current group)", "ml workspace show -w w");
            lines.put("locations", "group create -n x -l east");
            lines.put("users", "ml workspace share -w ws --user a");
            lines.put("roles", "ml workspace share -w ws --role AzureML");
            lines.put("id: /subscriptions/", "ml workspace create -w ws --storage-account /subscriptions/");
            lines.put("id: groups", "ml workspace create -w ws --storage-account " + group + "rg-1");
            lines.put("id: storage in group", "ml workspace create -w ws --storage-account " + group + "rg-150/");
            lines.put("id: --ids any type", "ml workspace delete --ids " + group + "rg-099/providers/");
            List<Long> all = new ArrayList<>();
            System.out.printf(Locale.ROOT, "completion latency, %,d resources in %d groups, %,d runs per kind%n",
                    index.size(), index.groups(SUB).size(), iterations);
            System.out.printf(Locale.ROOT, "%-28s %6s %9s %9s%n", "kind", "cands", "p50 ms", "p99 ms");
            for (Map.Entry<String, String> e : lines.entrySet()) {
                String line = e.getValue();
                for (int i = 0; i < 500; i++) {
                    completer.complete(line, line.length()).matching();
                }
                long[] t = new long[iterations];
                int found = 0;
                for (int i = 0; i < iterations; i++) {
                    long start = System.nanoTime();
                    found = completer.complete(line, line.length()).matching().size();
                    t[i] = System.nanoTime() - start;
                    all.add(t[i]);
                }
                Arrays.sort(t);
                System.out.printf(Locale.ROOT, "%-28s %6d %9.3f %9.3f%n", e.getKey(), found, ms(t, 0.50), ms(t, 0.99));
            }
            long[] every = all.stream().mapToLong(Long::longValue).sorted().toArray();
            double p99 = ms(every, 0.99);
            System.out.printf(Locale.ROOT, "%-28s %6s %9.3f %9.3f   target p99 <= 10 ms: %s%n", "all kinds", "",
                    ms(every, 0.50), p99, p99 <= 10 ? "met" : "MISSED");
        }
    }

    static ResourceIndex filled(int count) {
        ResourceIndex index = new ResourceIndex(Duration.ofDays(1), Clock.systemUTC());
        List<IndexedResource> rs = new ArrayList<>(count);
        List<String> groups = new ArrayList<>();
        int perGroup = 50;
        for (int i = 0; i < count; i++) {
            String g = "rg-" + String.format(Locale.ROOT, "%03d", i / perGroup);
            if (i % perGroup == 0) {
                groups.add(g);
            }
            String type = TYPES[i % TYPES.length];
            rs.add(new IndexedResource(SUB, g, type, type.substring(type.indexOf('/') + 1, type.indexOf('/') + 3).toLowerCase(Locale.ROOT)
                    + String.format(Locale.ROOT, "%05d", i)));
        }
        index.replace(SUB, new IndexSource.Inventory(groups, List.of("eastus", "eastus2", "westus", "westus2", "westeurope"), rs), 0);
        index.users(List.of("admin@sandbox.amlsh", "alice@sandbox.amlsh", "bob@sandbox.amlsh"));
        return index;
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
