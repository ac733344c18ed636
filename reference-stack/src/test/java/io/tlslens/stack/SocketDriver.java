package io.tlslens.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Drives a {@link TlsConnection} over a blocking socket, for tests against peers in other processes. */
final class SocketDriver implements AutoCloseable {
    private final TlsConnection connection;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteBuffer inbound = ByteBuffer.allocate(1 << 17);
    private final StringBuilder received = new StringBuilder();

    /** @param socket with a read timeout set, so that a silent peer fails the test instead of hanging it */
    SocketDriver(TlsConnection connection, Socket socket) throws IOException {
        this.connection = connection;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    void flush() throws IOException {
        ByteBuffer pending = ByteBuffer.allocate(connection.pendingOutput());
        connection.takeOutput(pending);
        out.write(pending.array(), 0, pending.position());
        out.flush();
    }

    /** Reads and processes records until {@code done} holds or the peer closes. */
    void readUntil(java.util.function.BooleanSupplier done) throws IOException {
        flush();
        while (!done.getAsBoolean() && !connection.isInboundDone()) {
            int n = in.read(inbound.array(), inbound.position(), inbound.remaining());
            if (n < 0) {
                return;
            }
            inbound.position(inbound.position() + n);
            inbound.flip();
            try {
                while (connection.processRecord(inbound)) {
                    ByteBuffer plain = ByteBuffer.allocate(connection.availablePlaintext());
                    connection.readPlaintext(plain);
                    received.append(new String(plain.array(), StandardCharsets.UTF_8));
                }
            } finally {
                inbound.compact();
                flush();
            }
        }
    }

    void write(String text) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (src.hasRemaining()) {
            connection.writePlaintext(src);
        }
        flush();
    }

    String received() {
        return received.toString();
    }

    /** Sends close_notify (a peer that loses the connection without one may forget the session). */
    @Override
    public void close() throws IOException {
        try {
            connection.closeOutbound();
            flush();
        } catch (IOException e) {
            // the peer may be gone already
        } finally {
            socket.close();
        }
    }
}
