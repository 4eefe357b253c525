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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code amlsh sandbox serve [--port N] [--idle-timeout D] [--fault SPEC]...}: the home's sandbox
 * service in the foreground, until interrupted, {@code sandbox stop} or the idle timeout (default:
 * never); a background service of the home gives way to it. Each {@code --fault} adds a fault rule
 * (syntax of {@link FaultSpec}) to the home's rules. amlsh itself starts the same service with
 * {@code --background} when a command needs it and none runs.
 */
final class SandboxServe {
    static final String USAGE = "Usage: amlsh sandbox serve [--port N] [--idle-timeout 30m] [--fault SPEC]...";

    private static final String HELP = USAGE + """

              --port N            the port to listen on (default 0: a free one)
              --idle-timeout D    stop after D without requests: 90s, 30m, 2h; 0 never (the default)
              --fault SPEC        add a fault rule, e.g. 503,method=GET,times=2 (see 'sandbox faults add -h')
            Prints the endpoint, the certificate and the credentials other clients need; runs until
            interrupted or 'sandbox stop'.
            """;

    private SandboxServe() {
    }

    static int run(AmlshHome home, List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        ServeArgs parsed = new ServeArgs();
        CommandLine cl = ProcessArgs.strict(new CommandLine(parsed));
        try {
            cl.parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            err.println(ProcessArgs.oneLine(e.getMessage(), USAGE));
            return ExitCode.USAGE;
        }
        if (cl.isUsageHelpRequested()) {
            out.print(HELP);
            return ExitCode.OK;
        }
        boolean background = parsed.background;
        int port = parsed.port;
        int preferredPort = parsed.preferredPort;
        List<FaultRule> faults = parsed.faults;
        Duration idleTimeout = parsed.idleTimeout != null ? parsed.idleTimeout
                : background ? idleTimeout(ServiceFiles.DEFAULT_IDLE_TIMEOUT) : Duration.ZERO;
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

    /** The options of {@code sandbox serve}, each value checked by its converter. */
    @Command(name = "sandbox serve")
    static final class ServeArgs {
        @Option(names = "--port", paramLabel = "N", converter = Port.class)
        int port;

        /** The port to try first (the one the home's last service had), else any free one. */
        @Option(names = "--preferred-port", paramLabel = "N", converter = Port.class)
        int preferredPort;

        @Option(names = "--idle-timeout", paramLabel = "D", converter = IdleTimeout.class)
        Duration idleTimeout;

        /** Started by amlsh on demand (detached); idles out after 30 minutes unless --idle-timeout says otherwise. */
        @Option(names = "--background")
        boolean background;

        @Option(names = "--fault", paramLabel = "SPEC", converter = Fault.class)
        List<FaultRule> faults = new ArrayList<>();

        @Option(names = {"-h", "--help"}, usageHelp = true)
        boolean help;
    }

    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 0 && n <= 65535) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new TypeConversionException("'" + value + "' is not a number from 0 to 65535 (0 picks a free port)");
        }
    }

    static final class IdleTimeout implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return idleTimeout(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a duration; give e.g. 30m, 90s, 2h or 0 (never)");
            }
        }
    }

    static final class Fault implements ITypeConverter<FaultRule> {
        @Override
        public FaultRule convert(String value) {
            try {
                return FaultSpec.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a fault rule: " + e.getMessage() + "; see 'sandbox faults add -h'");
            }
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
