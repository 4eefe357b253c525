package dev.amlsh.command;

import java.io.PrintStream;
import java.util.function.Predicate;

/**
 * Where a command's output goes and how it may ask the user something, without knowing about
 * terminals: the shell, a script and {@code -c} each give their own.
 *
 * <pre>{@code
 * CommandIo io = CommandIo.plain(System.out, System.err).at("deploy.amlsh:3");
 * }</pre>
 *
 * @param interactive true when a person is at a terminal (progress and prompts may be shown)
 * @param color true when ANSI colours may be used on {@code out}
 * @param confirm asks a yes/no question; returns the answer
 * @param location where the line came from ({@code file:line}), put before error messages; or null
 * @param ask      asks for a line of text (the tour's prompts); returns null when nobody can answer
 * @param terminal true when {@code out} is a terminal: control characters in values are shown escaped
 */
public record CommandIo(PrintStream out, PrintStream err, boolean interactive, boolean color,
                        Predicate<String> confirm, String location, java.util.function.UnaryOperator<String> ask,
                        boolean terminal) {

    public CommandIo(PrintStream out, PrintStream err, boolean interactive, boolean color, Predicate<String> confirm,
                     String location, java.util.function.UnaryOperator<String> ask) {
        this(out, err, interactive, color, confirm, location, ask, interactive);
    }

    public CommandIo(PrintStream out, PrintStream err, boolean interactive, boolean color, Predicate<String> confirm,
                     String location) {
        this(out, err, interactive, color, confirm, location, question -> null);
    }

    /** Output for a non-interactive caller: no colours, no prompts. */
    public static CommandIo plain(PrintStream out, PrintStream err) {
        return new CommandIo(out, err, false, false, question -> false, null);
    }

    public CommandIo at(String where) {
        return new CommandIo(out, err, interactive, color, confirm, where, ask, terminal);
    }

    /** The same, writing to a terminal or not (one-shot commands and scripts started from a terminal). */
    public CommandIo onTerminal(boolean isTerminal) {
        return new CommandIo(out, err, interactive, color, confirm, location, ask, isTerminal);
    }
}
