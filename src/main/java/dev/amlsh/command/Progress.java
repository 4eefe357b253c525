package dev.amlsh.command;

import java.util.function.Supplier;

/**
 * Shows that a long-running command is still working: a spinner on the error stream of a
 * terminal, nothing elsewhere (so {@code -o json} output and scripts stay clean).
 *
 * <pre>{@code
 * CommandResult r = Progress.around(io, true, command::execute);
 * }</pre>
 */
final class Progress {
    private static final String FRAMES = "|/-\\";

    private Progress() {
    }

    static <T> T around(CommandIo io, boolean show, Supplier<T> work) {
        if (!show || !io.interactive()) {
            return work.get();
        }
        Thread spinner = new Thread(() -> spin(io), "amlsh-progress");
        spinner.setDaemon(true);
        spinner.start();
        try {
            return work.get();
        } finally {
            spinner.interrupt();
            try {
                spinner.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            io.err().print("\r\033[K");
            io.err().flush();
        }
    }

    private static void spin(CommandIo io) {
        long start = System.nanoTime();
        try {
            Thread.sleep(300);
            for (int i = 0; ; i++) {
                long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                io.err().print("\r" + FRAMES.charAt(i % FRAMES.length()) + " Running (" + seconds + " s) ..");
                io.err().flush();
                Thread.sleep(150);
            }
        } catch (InterruptedException done) {
            Thread.currentThread().interrupt();
        }
    }
}
