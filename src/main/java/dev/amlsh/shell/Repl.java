package dev.amlsh.shell;

import dev.amlsh.command.CommandIo;
import dev.amlsh.command.Dispatcher;
import dev.amlsh.session.SessionState;
import dev.amlsh.session.SubscriptionInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive shell: a thin JLine loop around {@link Dispatcher#dispatch}. The prompt shows
 * the subscription and group; Ctrl-C cancels the line or the running command, never the shell;
 * Ctrl-D or {@code exit} leaves.
 *
 * <pre>{@code
 * int code = new Repl(dispatcher, home.history()).run();
 * }</pre>
 */
public final class Repl {
    private final Dispatcher dispatcher;
    private final Path historyFile;
    private Runnable atFirstPrompt = () -> { };

    public Repl(Dispatcher dispatcher, Path historyFile) {
        this.dispatcher = dispatcher;
        this.historyFile = historyFile;
    }

    /** Runs {@code task} once, as the first prompt is shown (amlsh starts its warm-up there). */
    public Repl atFirstPrompt(Runnable task) {
        this.atFirstPrompt = task;
        return this;
    }

    /** Runs until the user leaves; returns the exit code of the last command. */
    public int run() throws IOException {
        prepareHistory();
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("amlsh")
                    .variable(LineReader.HISTORY_FILE, historyFile)
                    .variable(LineReader.HISTORY_FILE_SIZE, 5000)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
            boolean color = System.getenv("NO_COLOR") == null && !Terminal.TYPE_DUMB.equals(terminal.getType());
            CommandIo io = new CommandIo(out, System.err, true, color, question -> confirm(reader, question), null);
            dispatcher.session().warnings().forEach(w -> io.err().println(w));
            int last = 0;
            atFirstPrompt.run();
            while (true) {
                String line;
                try {
                    line = reader.readLine(prompt(dispatcher.session().state()));
                } catch (UserInterruptException cancelLine) {
                    continue;
                } catch (EndOfFileException leave) {
                    break;
                }
                String trimmed = line.strip();
                if (trimmed.equals("exit") || trimmed.equals("quit")) {
                    break;
                }
                last = runCancellable(terminal, trimmed, io);
            }
            reader.getHistory().save();
            return last;
        }
    }

    /** Runs one command on a worker so that Ctrl-C interrupts it and the shell goes on. */
    private int runCancellable(Terminal terminal, String line, CommandIo io) {
        AtomicInteger code = new AtomicInteger();
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread worker = new Thread(() -> code.set(dispatcher.dispatch(line, io)), "amlsh-command");
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> {
            cancelled.set(true);
            worker.interrupt();
        });
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
        if (cancelled.get()) {
            io.err().println("Cancelled. An operation the cloud had already accepted goes on there; check it with a 'show' command.");
        }
        return code.get();
    }

    static String prompt(SessionState state) {
        if (!state.signedIn()) {
            return "amlsh (signed out)> ";
        }
        String subscription = state.currentSubscription().map(SubscriptionInfo::name).orElse("no subscription");
        return state.defaultValue("group").map(g -> "amlsh " + subscription + "/" + g + "> ")
                .orElse("amlsh " + subscription + "> ");
    }

    private static boolean confirm(LineReader reader, String question) {
        try {
            String answer = reader.readLine(question).strip().toLowerCase(java.util.Locale.ROOT);
            return answer.equals("y") || answer.equals("yes");
        } catch (UserInterruptException | EndOfFileException no) {
            return false;
        }
    }

    private void prepareHistory() throws IOException {
        Files.createDirectories(historyFile.getParent());
        if (!Files.exists(historyFile)) {
            Files.createFile(historyFile);
        }
        try {
            Files.setPosixFilePermissions(historyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Non-POSIX file systems keep the profile folder's own protection.
        }
    }
}
