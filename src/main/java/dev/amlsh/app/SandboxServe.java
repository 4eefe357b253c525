package dev.amlsh.app;

import dev.amlsh.command.ExitCode;
import dev.amlsh.sandbox.SandboxOptions;
import dev.amlsh.sandbox.faults.FaultRule;
import dev.amlsh.sandbox.faults.FaultSpec;
import dev.amlsh.session.AmlshHome;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code amlsh sandbox serve [--port N] [--fault SPEC]...}: the sandbox cloud alone, until interrupted;
 * each {@code --fault} adds a fault rule (syntax of {@link FaultSpec}) to the home's rules.
 */
final class SandboxServe {
    private SandboxServe() {
    }

    static int run(AmlshHome home, List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        int port = 0;
        List<FaultRule> faults = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--port") && i + 1 < args.size()) {
                try {
                    port = Integer.parseInt(args.get(++i));
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 0 || port > 65535) {
                    err.println("ERROR: --port must be a number from 0 to 65535 (0 picks a free port).");
                    return ExitCode.USAGE;
                }
            } else if (a.equals("--fault") && i + 1 < args.size()) {
                try {
                    faults.add(FaultSpec.parse(args.get(++i)));
                } catch (IllegalArgumentException e) {
                    err.println("ERROR: bad --fault '" + args.get(i) + "': " + e.getMessage() + ". See 'sandbox faults add -h'.");
                    return ExitCode.USAGE;
                }
            } else {
                err.println("ERROR: unknown argument '" + a + "' for 'sandbox serve'."
                        + " Usage: amlsh sandbox serve [--port N] [--fault SPEC]...");
                return ExitCode.USAGE;
            }
        }
        try {
            home.ensureExists();
            return dev.amlsh.sandbox.SandboxServe.serve(new SandboxOptions(home.sandbox(), port, Launcher.lroDelay(env)), out,
                    false, faults);
        } catch (Exception e) {
            err.println("ERROR: the sandbox could not start: " + e.getMessage());
            return ExitCode.ERROR;
        }
    }
}
