package dev.amlsh.app;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;

/**
 * The resident process's side of a client's connection: its non-blocking socket as a stream, and
 * the command's standard output and error as frames on it.
 *
 * <pre>{@code
 * DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new ResidentStreams.ChannelOut(channel)));
 * PrintStream stdout = new PrintStream(new ResidentStreams.Frames(out, ResidentProtocol.OUT), true, charset);
 * }</pre>
 */
final class ResidentStreams {
    private ResidentStreams() {
    }

    /** Writes to the non-blocking connection, waiting while the client's side is full. */
    static final class ChannelOut extends OutputStream {
        private final SocketChannel channel;

        ChannelOut(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(b, off, len);
            while (buffer.hasRemaining()) {
                if (channel.write(buffer) == 0) {
                    ResidentServer.sleep(1);   // the client reads slower than we write (output to a pager)
                }
            }
        }
    }

    /** An output stream whose writes become frames of one type on the client's connection. */
    static final class Frames extends OutputStream {
        private final DataOutputStream out;
        private final byte type;

        Frames(DataOutputStream out, byte type) {
            this.out = out;
            this.type = type;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            synchronized (out) {
                ResidentProtocol.frame(out, type, b, off, len);
                out.flush();
            }
        }
    }
}
