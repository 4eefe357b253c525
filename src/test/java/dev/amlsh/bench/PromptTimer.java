package dev.amlsh.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Milliseconds from starting a command in a pseudo-terminal ({@code script}) until its output
 * shows the shell's prompt, read as the bytes arrive: nothing polls the screen while the shell
 * starts, so the measuring costs the measured no processor time. Then types {@code exit}.
 * Prints the milliseconds, or {@code timeout}. Run by {@code scripts/bench}; not a test.
 *
 * <pre>{@code
 * java -cp ... dev.amlsh.bench.PromptTimer "AMLSH_HOME=/tmp/h scripts/amlsh"
 * }</pre>
 */
public final class PromptTimer {
    private static final long LIMIT_MS = 60_000;

    private PromptTimer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        // a pseudo-terminal of 0 columns would show only the prompt's last character: give it a size
        ProcessBuilder pb = new ProcessBuilder(List.of("script", "-qfec", "stty cols 160 rows 40; " + args[0], "/dev/null"));
        pb.redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        long took = untilPrompt(p.getInputStream(), t0);
        OutputStream in = p.getOutputStream();
        in.write("exit\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
        Thread drain = new Thread(() -> {
            try {
                p.getInputStream().transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        System.out.println(took < 0 ? "timeout" : String.valueOf(took));
    }

    /** Reads until "amlsh " is followed by ">" on one line; the milliseconds since t0, or -1. */
    private static long untilPrompt(InputStream out, long t0) throws IOException {
        StringBuilder line = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(LIMIT_MS)) {
            int n = out.read(buffer);
            if (n < 0) {
                return -1;
            }
            line.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            int nl = line.lastIndexOf("\n");
            if (nl >= 0) {
                line.delete(0, nl + 1);
            }
            int at = line.indexOf("amlsh ");
            if (at >= 0 && line.indexOf(">", at) > 0) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            }
        }
        return -1;
    }
}
