package dev.amlsh.shell;

import dev.amlsh.command.CommandIo;
import dev.amlsh.command.Dispatcher;
import dev.amlsh.complete.LineCompleter;
import dev.amlsh.session.SessionState;
import dev.amlsh.session.SubscriptionInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive shell: a thin JLine loop around {@link Dispatcher#dispatch}. The prompt shows
 * the subscription and group; Tab completes commands, options and values from the resource index;
 * the line is highlighted as it is typed and history suggests the rest (Right arrow takes it);
 * Ctrl-C cancels the line or the running command, never the shell; Ctrl-D or {@code exit} leaves.
 *
 * <pre>{@code
 * int code = new Repl(dispatcher, home.history(), completions.completer()).run();
 * }</pre>
 */
public final class Repl {
    private final Dispatcher dispatcher;
    private final Path historyFile;
    private final LineCompleter completer;
    private Runnable atFirstPrompt = () -> { };
    /** {@link #atFirstPrompt} until it has run (once, whichever comes first: first draw, fallback, first line). */
    private final java.util.concurrent.atomic.AtomicReference<Runnable> firstPromptTask = new java.util.concurrent.atomic.AtomicReference<>();
    /** A sign-in still under way at the first prompt (a fresh home); its value: a warning to show, or null. */
    private java.util.concurrent.CompletableFuture<String> signingIn;

    public Repl(Dispatcher dispatcher, Path historyFile, LineCompleter completer) {
        this.dispatcher = dispatcher;
        this.historyFile = historyFile;
        this.completer = completer;
    }

    /** Runs {@code task} once, as the first prompt is shown (amlsh starts its warm-up there). */
    public Repl atFirstPrompt(Runnable task) {
        this.atFirstPrompt = task;
        return this;
    }

    /**
     * Shows the prompt while {@code signIn} is still under way (a fresh home's first sign-in to the
     * sandbox, which starts it): the prompt says so and turns into the usual one when it ends, a
     * warning it returns is printed above the line, and a command typed meanwhile waits for it.
     */
    public Repl signingIn(java.util.concurrent.CompletableFuture<String> signIn) {
        this.signingIn = signIn;
        return this;
    }

    /** The system terminal, being set up on a second thread while the session starts; or null. */
    private static volatile java.util.concurrent.CompletableFuture<Terminal> early;

    /**
     * Starts setting up the system terminal (~0.1 s: the native library, the capabilities) on a
     * second thread, beside the session's start; {@link #run()} takes it.
     */
    public static void openTerminalEarly(java.util.Map<String, String> env, java.nio.file.Path cache) {
        java.util.concurrent.CompletableFuture<Terminal> terminal = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                terminal.complete(SystemTerminal.open(env, cache));
            } catch (IOException | RuntimeException | Error e) {
                terminal.completeExceptionally(e);
            }
        }, "amlsh-terminal");
        t.setDaemon(true);
        t.start();
        early = terminal;
    }

    /** Runs on the system terminal until the user leaves; returns the exit code of the last command. */
    public int run() throws IOException {
        try (Terminal terminal = systemTerminal()) {
            return run(terminal, System.err, System.getenv("NO_COLOR") == null);
        }
    }

    private Terminal systemTerminal() throws IOException {
        java.util.concurrent.CompletableFuture<Terminal> started = early;
        early = null;
        if (started != null) {
            try {
                return started.join();
            } catch (java.util.concurrent.CompletionException failed) {
                // set up again here, where its error is reported as it always was
            }
        }
        return SystemTerminal.open(System.getenv(), dispatcher.session().home().cache());
    }

    /** Runs on a given terminal (tests use a dumb one over pipes); errors go to {@code err}. */
    public int run(Terminal terminal, PrintStream err, boolean colorAllowed) throws IOException {
        prepareHistory();
        boolean color = colorAllowed && !Terminal.TYPE_DUMB.equals(terminal.getType());
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("amlsh")
                .history(new MaskingHistory(err::println))
                .completer(new JLineCompleter(completer))
                .highlighter(new OnFirstDraw(new LineHighlighter(completer, color), this::firstPromptShown))
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.HISTORY_FILE_SIZE, 5000)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .option(LineReader.Option.AUTO_MENU_LIST, false)
                .build();
        reader.setAutosuggestion(LineReader.SuggestionType.HISTORY);
        PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
        CommandIo io = new CommandIo(out, err, true, color, question -> confirm(reader, question), null,
                question -> ask(reader, question));
        dispatcher.session().warnings().forEach(w -> io.err().println(w));
        int last = 0;
        if (signingIn != null) {
            signingIn.whenComplete((warning, failure) -> signedIn(reader, warning));
        }
        // atFirstPrompt runs once JLine draws the first prompt (OnFirstDraw): work it starts in the
        // background would otherwise compete with JLine's own set-up for the processor. A terminal
        // that never highlights (dumb) gets it half a second on, or at its first line at the latest.
        firstPromptTask.set(atFirstPrompt);
        Thread fallback = new Thread(() -> {
            try {
                Thread.sleep(500);
                firstPromptShown();
            } catch (InterruptedException leaving) {
                Thread.currentThread().interrupt();
            }
        }, "amlsh-first-prompt");
        fallback.setDaemon(true);
        fallback.start();
        while (true) {
            String line;
            try {
                line = reader.readLine(signingIn != null && !signingIn.isDone() ? SIGNING_IN
                        : prompt(dispatcher.session().state()));
            } catch (UserInterruptException cancelLine) {
                continue;
            } catch (EndOfFileException leave) {
                break;
            }
            firstPromptShown();
            String trimmed = line.strip();
            if (trimmed.equals("exit") || trimmed.equals("quit")) {
                break;
            }
            if (signingIn != null && !trimmed.isEmpty()) {
                signingIn.exceptionally(failure -> null).join();   // the command needs the sign-in's outcome
            }
            last = runCancellable(terminal, trimmed, io);
        }
        reader.getHistory().save();
        return last;
    }

    /** Runs one command on a worker so that Ctrl-C interrupts it and the shell goes on. */
    private int runCancellable(Terminal terminal, String line, CommandIo io) {
        AtomicInteger code = new AtomicInteger();
        Thread worker = new Thread(() -> code.set(dispatcher.dispatch(line, io)), "amlsh-command");
        // The dispatcher turns the interruption into one line (what goes on in the cloud, how to check it).
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> worker.interrupt());
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
        return code.get();
    }

    private void firstPromptShown() {
        Runnable task = firstPromptTask.getAndSet(null);
        if (task != null) {
            task.run();
        }
    }

    /** Tells {@code drawn} each time JLine highlights the line; the first time is the first prompt's drawing. */
    private record OnFirstDraw(org.jline.reader.Highlighter inner, Runnable drawn) implements org.jline.reader.Highlighter {
        @Override
        public org.jline.utils.AttributedString highlight(LineReader reader, String buffer) {
            drawn.run();
            return inner.highlight(reader, buffer);
        }

        @Override
        public void setErrorPattern(java.util.regex.Pattern errorPattern) {
            inner.setErrorPattern(errorPattern);
        }

        @Override
        public void setErrorIndex(int errorIndex) {
            inner.setErrorIndex(errorIndex);
        }
    }

    /** The prompt while a fresh home's first sign-in is still under way. */
    static final String SIGNING_IN = "amlsh (signing in)> ";

    /** The first sign-in ended while the prompt was up: its warning above the line, the usual prompt in place. */
    private void signedIn(LineReader reader, String warning) {
        if (!reader.isReading()) {
            if (warning != null) {
                System.err.println(warning);
            }
            return;
        }
        try {
            if (warning != null) {
                reader.printAbove(warning);
            }
            if (reader instanceof org.jline.reader.impl.LineReaderImpl impl) {
                impl.setPrompt(prompt(dispatcher.session().state()));
                reader.callWidget(LineReader.REDRAW_LINE);
                reader.callWidget(LineReader.REDISPLAY);
            }
        } catch (RuntimeException redrawFailed) {
            // The next prompt is the usual one anyway.
        }
    }

    static String prompt(SessionState state) {
        if (!state.signedIn()) {
            return "amlsh (signed out)> ";
        }
        String subscription = state.currentSubscription().map(SubscriptionInfo::name).orElse("no subscription");
        return state.defaultValue("group").map(g -> "amlsh " + subscription + "/" + g + "> ")
                .orElse("amlsh " + subscription + "> ");
    }

    private static String ask(LineReader reader, String question) {
        try {
            return reader.readLine(question);
        } catch (UserInterruptException | EndOfFileException none) {
            return null;
        }
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
