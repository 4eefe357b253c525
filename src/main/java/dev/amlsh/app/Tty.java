package dev.amlsh.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard input and output are a terminal, as {@code System.console() != null} says on
 * Java 17, without building the {@link java.io.Console} (its formatter compiles regular
 * expressions: about 20 ms before the prompt). On Linux the answer is where {@code /proc} says
 * the two descriptors point; elsewhere it is the console's.
 *
 * <pre>{@code
 * boolean interactive = Tty.inAndOut();
 * }</pre>
 */
final class Tty {
    private static volatile Boolean answer;

    private Tty() {
    }

    static boolean inAndOut() {
        Boolean known = answer;
        if (known == null) {
            known = fromProc(0, 1);
            if (known == null) {
                known = System.console() != null;
            }
            answer = known;
        }
        return known;
    }

    /** True when every descriptor is a terminal device; null when {@code /proc} cannot tell. */
    private static Boolean fromProc(int... descriptors) {
        try {
            for (int fd : descriptors) {
                String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
                if (!(target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console"))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }
}
