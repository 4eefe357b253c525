package dev.amlsh.reliability;

import dev.amlsh.session.ConfigStore;
import dev.amlsh.session.SessionState;
import dev.amlsh.testing.ChildAmlsh;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Other shells of the same user on the run's client home, each an amlsh process changing one
 * default again and again while the run's shell works (and changes the group default itself);
 * then an audit of {@code config.json}: every shell's last value there, the run's sign-in intact,
 * nothing half-written left.
 *
 * <pre>{@code
 * ConfigTraffic traffic = ConfigTraffic.start(clientHome, List.of("location", "workspace"));
 * ... run the commands, calling traffic.ownChange("group", value) for the shell's own ...
 * List<String> lost = traffic.stopAndAudit(expectedCloud, expectedClientId);
 * }</pre>
 */
final class ConfigTraffic {
    private static final int LINES_PER_PROCESS = 25;

    private final Path home;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Map<String, String> lastWritten = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Thread> shells = new ArrayList<>();
    private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger processes = new AtomicInteger();
    private final AtomicInteger changes = new AtomicInteger();

    private ConfigTraffic(Path home) {
        this.home = home;
    }

    static ConfigTraffic start(Path home, List<String> keys) {
        ConfigTraffic traffic = new ConfigTraffic(home);
        for (String key : keys) {
            Thread t = new Thread(() -> traffic.loop(key), "config-shell-" + key);
            t.setDaemon(true);
            traffic.shells.add(t);
            t.start();
        }
        return traffic;
    }

    /** A change the run's own shell made (and saw succeed). */
    void ownChange(String key, String value) {
        lastWritten.put(key, value);
        changes.incrementAndGet();
    }

    int processes() {
        return processes.get();
    }

    int changes() {
        return changes.get();
    }

    private void loop(String key) {
        for (int round = 0; !stop.get(); round++) {
            StringBuilder script = new StringBuilder();
            String last = null;
            for (int i = 0; i < LINES_PER_PROCESS; i++) {
                last = key + "-" + round + "-" + i;
                script.append("configure --defaults ").append(key).append('=').append(last).append('\n');
            }
            try {
                ChildAmlsh.Result r = ChildAmlsh.start(home, script.toString()).await(Duration.ofMinutes(2));
                processes.incrementAndGet();
                if (r.exitCode() != 0) {
                    problems.add("a shell changing " + key + " failed: " + r);
                    return;
                }
                lastWritten.put(key, last);
                changes.addAndGet(LINES_PER_PROCESS);
            } catch (Exception | AssertionError e) {
                problems.add("a shell changing " + key + " failed: " + e);
                return;
            }
        }
    }

    /** Waits for the other shells to finish their current round; returns every setting lost or damaged (empty: none). */
    List<String> stopAndAudit(String cloud, String clientId) throws InterruptedException {
        stop.set(true);
        for (Thread t : shells) {
            t.join(180_000);
        }
        List<String> lost = new ArrayList<>(problems);
        Path file = home.resolve("config.json");
        SessionState state = ConfigStore.read(file).orElse(null);
        if (state == null) {
            lost.add(file + " is missing or damaged");
            return lost;
        }
        Map<String, String> expected = new LinkedHashMap<>(lastWritten);
        expected.forEach((key, value) -> {
            String found = state.defaults().get(key);
            if (!value.equals(found)) {
                lost.add("default " + key + ": last written " + value + ", found " + found);
            }
        });
        if (!cloud.equals(state.cloud())) {
            lost.add("cloud: expected " + cloud + ", found " + state.cloud());
        }
        if (state.identity() == null || !clientId.equals(state.identity().clientId())) {
            lost.add("sign-in: expected " + clientId + ", found " + state.identity());
        }
        if (state.customClouds().stream().noneMatch(c -> c.name().equals(cloud))) {
            lost.add("the registered cloud " + cloud + " is gone");
        }
        try (Stream<Path> files = Files.list(home)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).forEach(n -> lost.add("left behind: " + n));
        } catch (java.io.IOException e) {
            lost.add("cannot list " + home + ": " + e.getMessage());
        }
        return lost;
    }
}
