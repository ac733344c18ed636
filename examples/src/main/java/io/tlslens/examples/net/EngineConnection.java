package io.tlslens.examples.net;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * An SSLEngine driven over a blocking TCP socket: the engine turns plaintext into records and back, this
 * class moves the records. Frameworks such as Netty do the same over non-blocking channels; blocking
 * streams keep every wait under the socket's SO_TIMEOUT. Not thread-safe: one thread per connection.
 */
public final class EngineConnection {
    /** Far more engine steps than any handshake needs; reaching it means the engine and this loop disagree. */
    private static final int MAX_STEPS = 1000;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SSLEngine engine;
    private final InputStream in;
    private final OutputStream out;
    private ByteBuffer netIn;
    private ByteBuffer netOut;
    private ByteBuffer appIn;

    public EngineConnection(SSLEngine engine, Socket socket) throws IOException {
        this.engine = engine;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(packet); // write mode: bytes read from the socket, not yet unwrapped
        this.netOut = ByteBuffer.allocate(packet);
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()); // write mode
    }

    public SSLEngine engine() {
        return engine;
    }

    /** Runs the handshake to completion; on a failure the engine's alert is sent to the peer first. */
    public void handshake() throws IOException {
        engine.beginHandshake();
        HandshakeStatus status = engine.getHandshakeStatus();
        for (int step = 0; status != HandshakeStatus.FINISHED && status != HandshakeStatus.NOT_HANDSHAKING; step++) {
            if (step == MAX_STEPS) {
                throw new SSLException("the handshake did not finish within " + MAX_STEPS + " engine steps");
            }
            try {
                status = step(status);
            } catch (SSLException e) {
                sendAlert(e);
                throw e;
            }
        }
    }

    /** Sends a line of application data. */
    public void writeLine(String line) throws IOException {
        ByteBuffer data = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII));
        while (data.hasRemaining()) {
            wrap(data);
        }
    }

    /**
     * Reads one line of application data. Post-handshake messages (a TLS 1.3 NewSessionTicket) arrive
     * here too; the engine consumes them as it unwraps.
     */
    public String readLine() throws IOException {
        for (int step = 0; step < MAX_STEPS; step++) {
            int newline = indexOf(appIn, (byte) '\n');
            if (newline >= 0) {
                byte[] line = new byte[newline];
                appIn.flip();
                appIn.get(line).get(); // the line, then its '\n'
                appIn.compact();
                return new String(line, StandardCharsets.US_ASCII).strip();
            }
            HandshakeStatus status = unwrap();
            while (status == HandshakeStatus.NEED_TASK || status == HandshakeStatus.NEED_WRAP) {
                status = step(status);
            }
        }
        throw new SSLException("no line after " + MAX_STEPS + " engine steps");
    }

    /** Sends close_notify; the caller closes the socket. */
    public void close() throws IOException {
        engine.closeOutbound();
        for (int step = 0; !engine.isOutboundDone() && step < MAX_STEPS; step++) {
            wrap(EMPTY);
        }
    }

    private HandshakeStatus step(HandshakeStatus status) throws IOException {
        switch (status) {
            case NEED_TASK:
                for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                    task.run();
                }
                return engine.getHandshakeStatus();
            case NEED_WRAP:
                return wrap(EMPTY);
            case NEED_UNWRAP:
            case NEED_UNWRAP_AGAIN:
                return unwrap();
            default:
                return status;
        }
    }

    /** Wraps from {@code source} (handshake messages when empty) and sends what the engine produced. */
    private HandshakeStatus wrap(ByteBuffer source) throws IOException {
        while (true) {
            netOut.clear();
            SSLEngineResult result = engine.wrap(source, netOut);
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                netOut = ByteBuffer.allocate(netOut.capacity() * 2);
                continue;
            }
            out.write(netOut.array(), 0, netOut.position());
            out.flush();
            return result.getHandshakeStatus();
        }
    }

    /** Unwraps one record into {@link #appIn}, reading from the socket until a whole record is there. */
    private HandshakeStatus unwrap() throws IOException {
        while (true) {
            netIn.flip();
            SSLEngineResult result;
            try {
                result = engine.unwrap(netIn, appIn);
            } finally {
                netIn.compact();
            }
            switch (result.getStatus()) {
                case OK:
                    return result.getHandshakeStatus();
                case BUFFER_UNDERFLOW:
                    readFromSocket();
                    break;
                case BUFFER_OVERFLOW:
                    appIn = grow(appIn, engine.getSession().getApplicationBufferSize());
                    break;
                case CLOSED:
                default:
                    throw new EOFException("the peer closed the TLS connection");
            }
        }
    }

    private void readFromSocket() throws IOException {
        if (!netIn.hasRemaining()) {
            netIn = grow(netIn, engine.getSession().getPacketBufferSize());
        }
        int read = in.read(netIn.array(), netIn.position(), netIn.remaining());
        if (read < 0) {
            throw new EOFException("the peer closed the connection");
        }
        netIn.position(netIn.position() + read);
    }

    /** After a failed step the engine holds the alert it means to send; deliver it, as a server would. */
    private void sendAlert(SSLException failure) {
        try {
            for (int step = 0; engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP && step < 4; step++) {
                wrap(EMPTY);
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static ByteBuffer grow(ByteBuffer buffer, int atLeast) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, atLeast));
        buffer.flip();
        bigger.put(buffer);
        return bigger;
    }

    private static int indexOf(ByteBuffer writeMode, byte value) {
        for (int i = 0; i < writeMode.position(); i++) {
            if (writeMode.get(i) == value) {
                return i;
            }
        }
        return -1;
    }
}
