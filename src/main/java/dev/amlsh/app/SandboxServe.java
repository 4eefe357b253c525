package dev.amlsh.app;

import dev.amlsh.core.ExitCode;
import dev.amlsh.sandbox.SandboxService;
import dev.amlsh.sandbox.contract.ServiceFiles;
import dev.amlsh.sandbox.contract.ServiceRecord;
import dev.amlsh.sandbox.faults.FaultRule;
import dev.amlsh.sandbox.faults.FaultSpec;
import dev.amlsh.session.AmlshHome;
import dev.amlsh.session.SandboxLauncher;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code amlsh sandbox serve [--port N] [--idle-timeout D] [--fault SPEC]...}: the home's sandbox
 * service in the foreground, until interrupted, {@code sandbox stop} or the idle timeout (default:
 * never); a background service of the home gives way to it. Each {@code --fault} adds a fault rule
 * (syntax of {@link FaultSpec}) to the home's rules. amlsh itself starts the same service with
 * {@code --background} when a command needs it and none runs.
 */
final class SandboxServe {
    static final String USAGE = "Usage: amlsh sandbox serve [--port N] [--idle-timeout 30m] [--fault SPEC]...";

    private SandboxServe() {
    }

    static int run(AmlshHome home, List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        int port = 0;
        int preferredPort = 0;
        boolean background = false;
        String idle = null;
        List<FaultRule> faults = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--port") || a.equals("--preferred-port")) && i + 1 < args.size()) {
                int n;
                try {
                    n = Integer.parseInt(args.get(++i));
                } catch (NumberFormatException e) {
                    n = -1;
                }
                if (n < 0 || n > 65535) {
                    err.println("ERROR: " + a + " must be a number from 0 to 65535 (0 picks a free port).");
                    return ExitCode.USAGE;
                }
                if (a.equals("--port")) {
                    port = n;
                } else {
                    preferredPort = n;
                }
            } else if (a.equals("--idle-timeout") && i + 1 < args.size()) {
                idle = args.get(++i);
            } else if (a.equals("--background")) {
                background = true;
            } else if (a.equals("--fault") && i + 1 < args.size()) {
                try {
                    faults.add(FaultSpec.parse(args.get(++i)));
                } catch (IllegalArgumentException e) {
                    err.println("ERROR: bad --fault '" + args.get(i) + "': " + e.getMessage() + ". See 'sandbox faults add -h'.");
                    return ExitCode.USAGE;
                }
            } else {
                err.println("ERROR: unknown argument '" + a + "' for 'sandbox serve'. " + USAGE);
                return ExitCode.USAGE;
            }
        }
        Duration idleTimeout;
        try {
            idleTimeout = idle == null ? (background ? idleTimeout(ServiceFiles.DEFAULT_IDLE_TIMEOUT) : Duration.ZERO) : idleTimeout(idle);
        } catch (IllegalArgumentException e) {
            err.println("ERROR: --idle-timeout " + e.getMessage() + ", e.g. 30m, 90s, 2h or 0 (never).");
            return ExitCode.USAGE;
        }
        try {
            home.ensureExists();
            if (!background) {
                // The parent of a background service already holds the lock; a foreground one takes the home over.
                new SandboxLauncher(home.sandbox(), (h, p) -> { }).takeOver(() -> null);
            }
            SandboxService.Settings settings = new SandboxService.Settings(home.sandbox(), port, preferredPort, Launcher.lroDelay(env),
                    idleTimeout, background ? ServiceRecord.BACKGROUND : ServiceRecord.FOREGROUND);
            return dev.amlsh.sandbox.SandboxServe.serve(settings, out, false, faults);
        } catch (IOException | RuntimeException e) {
            err.println("ERROR: the sandbox could not start: " + e.getMessage());
            return ExitCode.ERROR;
        }
    }

    /** {@code 0} (never), {@code 90} or {@code 90s}, {@code 30m}, {@code 2h}. */
    static Duration idleTimeout(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})([smh]?)").matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a duration, not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
