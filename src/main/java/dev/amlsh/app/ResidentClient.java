package dev.amlsh.app;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The thin client the launchers start for a one-shot command: hands the command, the working
 * directory and the environment to the home's resident amlsh process over its Unix socket, and
 * writes what it answers. It loads nothing but {@code java.base}, so it starts in a fraction of
 * the time a full amlsh needs. Exits {@value ResidentProtocol#NOT_SERVED} when no resident process
 * took the command (none running, another build, another environment): the launcher then runs it
 * in a process of its own, as without a resident process.
 *
 * <pre>{@code
 * java -cp amlsh.jar dev.amlsh.app.ResidentClient group show -n rg1
 * }</pre>
 */
public final class ResidentClient {
    private ResidentClient() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Map<String, String> env = System.getenv();
        Path socket = ResidentProtocol.socket(env);
        if (!Files.exists(socket)) {
            return ResidentProtocol.NOT_SERVED;
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            return ResidentProtocol.NOT_SERVED;   // a resident that ended without removing its socket
        }
        boolean sent = false;
        try (channel) {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
            String charset = System.getProperty("stdout.encoding",
                    System.getProperty("sun.stdout.encoding", Charset.defaultCharset().name()));
            ResidentProtocol.writeRequest(out, new ResidentProtocol.Request(ResidentProtocol.build(),
                    Path.of("").toAbsolutePath(), Tty.inAndOut(), charset, List.of(args), env));
            sent = true;
            return relay(new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel))));
        } catch (IOException e) {
            if (!sent) {
                return ResidentProtocol.NOT_SERVED;
            }
            // the command may have done part of its work: say so rather than run it a second time
            System.err.println("ERROR: the resident amlsh process stopped while it ran the command (" + e.getMessage()
                    + "). Check with 'group show' or 'ml workspace show' what was done, and run it again if needed.");
            return 1;
        }
    }

    /** Writes the answer's frames to this process's output until its exit code. */
    private static int relay(DataInputStream in) throws IOException {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        OutputStream stderr = new FileOutputStream(FileDescriptor.err);
        while (true) {
            int type = in.read();
            if (type < 0) {
                throw new java.io.EOFException("no exit code");
            }
            byte[] b = ResidentProtocol.payload(in);
            switch (type) {
                case ResidentProtocol.OUT -> stdout.write(b);
                case ResidentProtocol.ERR -> stderr.write(b);
                case ResidentProtocol.EXIT -> {
                    return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
                }
                case ResidentProtocol.DECLINED -> {
                    if ("1".equals(System.getenv("AMLSH_RESIDENT_DEBUG"))) {
                        System.err.println("amlsh: the resident process declined: " + new String(b, java.nio.charset.StandardCharsets.UTF_8));
                    }
                    return ResidentProtocol.NOT_SERVED;
                }
                default -> throw new IOException("unknown frame " + type);
            }
        }
    }
}
