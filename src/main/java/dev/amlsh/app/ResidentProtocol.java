package dev.amlsh.app;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the thin client ({@link ResidentClient}) and the resident process ({@link ResidentServer})
 * say to each other over the home's Unix socket. Only {@code java.base}: the client loads nothing else.
 * <p>
 * The request: magic, the client's build, its working directory, whether its output is a terminal,
 * its output charset, its arguments and its environment. The answer: frames of standard output
 * and standard error in the order they were written, then the exit code; or "declined", and the
 * launcher runs the command in a process of its own.
 *
 * <pre>{@code
 * ResidentProtocol.Request r = ResidentProtocol.readRequest(in);
 * ResidentProtocol.frame(out, ResidentProtocol.EXIT, ResidentProtocol.code(0));
 * }</pre>
 */
final class ResidentProtocol {
    static final int MAGIC = 0x414d4c01;
    /** The socket, under {@code $AMLSH_HOME/run/}. */
    static final String SOCKET = "resident.sock";
    /** Exit code of the thin client when no resident process took the command: the launcher runs it itself. */
    static final int NOT_SERVED = 254;

    static final byte OUT = 1;
    static final byte ERR = 2;
    static final byte EXIT = 3;
    static final byte DECLINED = 4;

    /** Requests and frames larger than this are refused (a command line is never near it). */
    private static final int LIMIT = 16 * 1024 * 1024;

    private ResidentProtocol() {
    }

    /** What the client asks. */
    record Request(String build, Path cwd, boolean terminal, String charset, List<String> args, Map<String, String> env) {
    }

    /** The socket of the home named by this environment (as {@code AmlshHome} names it). */
    static Path socket(Map<String, String> env) {
        String configured = env.get("AMLSH_HOME");
        Path home = configured != null && !configured.isBlank() ? Path.of(configured).toAbsolutePath()
                : Path.of(System.getProperty("user.home"), ".amlsh");
        return home.resolve("run").resolve(SOCKET);
    }

    /**
     * This build of amlsh: where its classes come from, with their size and time. Client and
     * resident process must be one build; a rebuilt or upgraded amlsh replaces an older resident.
     */
    static String build() {
        try {
            Path code = Path.of(ResidentProtocol.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code + ":" + Files.size(code) + ":" + Files.getLastModifiedTime(code).toMillis();
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    static void writeRequest(DataOutputStream out, Request r) throws IOException {
        out.writeInt(MAGIC);
        text(out, r.build());
        text(out, r.cwd().toString());
        out.writeBoolean(r.terminal());
        text(out, r.charset());
        out.writeInt(r.args().size());
        for (String a : r.args()) {
            text(out, a);
        }
        out.writeInt(r.env().size());
        for (Map.Entry<String, String> e : r.env().entrySet()) {
            text(out, e.getKey());
            text(out, e.getValue());
        }
        out.flush();
    }

    static Request readRequest(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not an amlsh request");
        }
        String build = text(in);
        Path cwd = Path.of(text(in));
        boolean terminal = in.readBoolean();
        String charset = text(in);
        List<String> args = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            args.add(text(in));
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = count(in); i > 0; i--) {
            env.put(text(in), text(in));
        }
        return new Request(build, cwd, terminal, charset, List.copyOf(args), env);
    }

    /** One frame: its type, length and bytes. */
    static void frame(DataOutputStream out, byte type, byte[] bytes, int off, int len) throws IOException {
        out.writeByte(type);
        out.writeInt(len);
        out.write(bytes, off, len);
    }

    static byte[] code(int exitCode) {
        return new byte[] {(byte) (exitCode >>> 24), (byte) (exitCode >>> 16), (byte) (exitCode >>> 8), (byte) exitCode};
    }

    /** Reads a frame's bytes after its type; null at the end of the stream. */
    static byte[] payload(DataInputStream in) throws IOException {
        int len = count(in);
        byte[] b = new byte[len];
        in.readFully(b);
        return b;
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > LIMIT) {
            throw new EOFException("bad length " + n);
        }
        return n;
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] b = new byte[count(in)];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
