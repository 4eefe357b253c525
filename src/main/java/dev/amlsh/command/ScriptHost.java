package dev.amlsh.command;

import java.util.List;

/**
 * What the {@code source} command calls to run a {@code .amlsh} script in the current session.
 * The app sets one on the dispatcher, so the command tree does not depend on the script runner.
 *
 * <pre>{@code
 * dispatcher.scriptHost((file, args, io) -> runner.source(file, args, io));
 * }</pre>
 */
@FunctionalInterface
public interface ScriptHost {
    /** Runs the script (a path relative to the working directory); errors are already printed; returns the exit code. */
    int source(String file, List<String> args, CommandIo io);
}
