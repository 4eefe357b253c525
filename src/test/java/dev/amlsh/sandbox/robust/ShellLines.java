package dev.amlsh.sandbox.robust;

import dev.amlsh.command.CommandIo;
import dev.amlsh.command.Dispatcher;
import dev.amlsh.session.AmlshHome;
import dev.amlsh.session.Session;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A shell in a child process, for failures that must be seen in a fresh JVM (a native library
 * that cannot load, a file size limit): runs each argument as a typed line, one after the other,
 * and prints {@code exit N} after each. Usage: {@code ShellLines <home> <line>...}.
 */
public final class ShellLines {
    private ShellLines() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        try (Session session = Session.open(new AmlshHome(Path.of(args[0])), Duration.ZERO)) {
            Dispatcher dispatcher = new Dispatcher(session);
            for (int i = 1; i < args.length; i++) {
                int code = dispatcher.dispatch(args[i], CommandIo.plain(out, err));
                out.println("exit " + code);
            }
        }
    }
}
