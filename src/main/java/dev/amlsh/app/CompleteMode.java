package dev.amlsh.app;

import dev.amlsh.command.Dispatcher;
import dev.amlsh.core.ExitCode;
import dev.amlsh.complete.Candidate;
import dev.amlsh.complete.Completions;
import dev.amlsh.session.AmlshHome;
import dev.amlsh.session.Session;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code amlsh --complete "<line>"}: prints the completions of the line's last word, one per
 * line, for tests and for {@code scripts/amlsh-completion.bash}. Values come from the cache the
 * shell writes ({@code $AMLSH_HOME/cache/index.json}); when it is missing or stale, the
 * subscription is listed once, synchronously, and the cache written.
 */
final class CompleteMode {
    private CompleteMode() {
    }

    static int run(AmlshHome home, List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.println("ERROR: --complete takes the line in quotes, e.g. amlsh --complete \"group show -g \".");
            return ExitCode.USAGE;
        }
        String line = args.get(0);
        try (Session session = Session.open(home, Launcher.lroDelay(env))) {
            Dispatcher dispatcher = new Dispatcher(session);
            try (Completions completions = Completions.oneShot(dispatcher, home.cache().resolve(Launcher.INDEX_CACHE), env)) {
                for (Candidate c : completions.completer().complete(line, line.length()).matching()) {
                    out.println(c.value());
                }
            }
            out.flush();
            return ExitCode.OK;
        } catch (RuntimeException e) {
            err.println("ERROR: completion failed: " + e.getMessage());
            return ExitCode.ERROR;
        }
    }
}
