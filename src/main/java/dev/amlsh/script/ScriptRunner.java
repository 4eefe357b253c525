package dev.amlsh.script;

import dev.amlsh.command.CommandIo;
import dev.amlsh.command.Dispatcher;
import dev.amlsh.command.ExitCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code .amlsh} scripts and piped standard input: one command per line through the same
 * dispatcher as the shell, {@code #} comments, {@code \} line continuation, and a stop at the
 * first failing command with {@code file:line:} before its error.
 *
 * <pre>{@code
 * int code = ScriptRunner.run("deploy.amlsh", Files.newBufferedReader(path), dispatcher, io);
 * }</pre>
 */
public final class ScriptRunner {
    private ScriptRunner() {
    }

    /** A logical line of a script: its text with continuations joined, and the line it starts on. */
    record ScriptLine(int number, String text) {
    }

    public static int run(String name, BufferedReader reader, Dispatcher dispatcher, CommandIo io) throws IOException {
        for (ScriptLine line : read(reader)) {
            int code = dispatcher.dispatch(line.text(), io.at(name + ":" + line.number()));
            if (code != ExitCode.OK) {
                return code;
            }
        }
        return ExitCode.OK;
    }

    static List<ScriptLine> read(BufferedReader reader) throws IOException {
        List<ScriptLine> lines = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int start = 0;
        int number = 0;
        for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
            number++;
            if (pending.length() == 0) {
                start = number;
                if (number == 1 && raw.startsWith("#!")) {
                    continue;
                }
            }
            if (raw.endsWith("\\") && !raw.endsWith("\\\\")) {
                pending.append(raw, 0, raw.length() - 1).append(' ');
                continue;
            }
            pending.append(raw);
            lines.add(new ScriptLine(start, pending.toString()));
            pending.setLength(0);
        }
        if (pending.length() > 0) {
            lines.add(new ScriptLine(start, pending.toString()));
        }
        return lines;
    }
}
