package io.tlslens.benchmarks;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * A client and a server {@link SSLEngine} wired back to back through two in-memory buffers, and the one pump
 * that moves bytes between them. No sockets, no threads: what a benchmark measures is TLS work alone.
 *
 * <p>The same {@link #pump()} serves handshakes, application data and post-handshake messages (TLS 1.3
 * NewSessionTicket, KeyUpdate), so every path through the engines is driven by the same code.
 */
public final class EnginePair implements Connection {
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);
    /** Far more steps than any handshake needs; reaching it means the pump is stuck, not slow. */
    private static final int MAX_STEPS = 1_000;

    private final Side client;
    private final Side server;

    public EnginePair(SSLEngine client, SSLEngine server) {
        this.client = new Side(client);
        this.server = new Side(server);
    }

    /** Runs a full or resumed handshake to completion, including the server's post-handshake tickets. */
    @Override
    public void handshake() throws SSLException {
        client.engine.beginHandshake();
        server.engine.beginHandshake();
        pump();
    }

    /**
     * Starts a handshake and leaves it in flight: the client has sent its ClientHello, the server has answered
     * with its flight and now waits for the client, which has not read that answer yet. Both ends (and an agent
     * watching them) hold all the state a handshake has at its largest.
     */
    public void startHandshake() throws SSLException {
        client.engine.beginHandshake();
        server.engine.beginHandshake();
        while (client.step(server.outbound)) {
            // the ClientHello: the client then waits for the server
        }
        while (server.step(client.outbound)) {
            // the server's flight, up to waiting for the client's reply
        }
    }

    /** What this harness's own buffers take (both sides' network and application buffers), not the engines'. */
    public long bufferBytes() {
        return client.outbound.capacity() + client.received.capacity() + server.outbound.capacity()
                + server.received.capacity();
    }

    @Override
    public long serverBytesSent() {
        return server.bytesSent;
    }

    @Override
    public void send(ByteBuffer payload) throws SSLException {
        transfer(client, server, payload);
    }

    @Override
    public int roundTrip(ByteBuffer payload) throws SSLException {
        ByteBuffer request = transfer(client, server, payload);
        return transfer(server, client, request).remaining();
    }

    /** Engines hold nothing to release, and the benchmarks measure no closing exchange in memory. */
    @Override
    public void close() {
    }

    /**
     * Moves all of {@code payload} from one side to the other. The returned buffer is the receiver's own, ready
     * to read, and valid until the next transfer: copying it would add a cost TLS has nothing to do with.
     */
    private ByteBuffer transfer(Side from, Side to, ByteBuffer payload) throws SSLException {
        to.received.clear();
        while (payload.hasRemaining()) {
            from.wrap(payload);
        }
        pump();
        return to.received.flip();
    }

    /** Steps both sides until neither is handshaking and no byte is left in flight. */
    private void pump() throws SSLException {
        for (int steps = 0; steps < MAX_STEPS; steps++) {
            if (client.isQuiet() && server.isQuiet()) {
                return;
            }
            boolean progress = client.step(server.outbound);
            progress |= server.step(client.outbound);
            if (!progress) {
                throw new IllegalStateException("engines stalled: client " + client + ", server " + server);
            }
        }
        throw new IllegalStateException("no end after " + MAX_STEPS + " steps: client " + client + ", server "
                + server);
    }

    /**
     * One engine with the network bytes it has produced for its peer ({@code outbound}, kept in write mode)
     * and the application bytes it has received ({@code received}, write mode too).
     */
    private static final class Side {
        final SSLEngine engine;
        ByteBuffer outbound;
        ByteBuffer received;
        long bytesSent;

        Side(SSLEngine engine) {
            this.engine = engine;
            outbound = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            received = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        }

        boolean isQuiet() {
            return engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING && outbound.position() == 0;
        }

        /** Does whatever this engine asks for next; {@code inbound} holds the peer's bytes (write mode). */
        boolean step(ByteBuffer inbound) throws SSLException {
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK:
                    // Inline, on this thread: the task's cost (signatures, key exchange) is part of a handshake.
                    for (Runnable task; (task = engine.getDelegatedTask()) != null; ) {
                        task.run();
                    }
                    return true;
                case NEED_WRAP:
                    return wrap(NOTHING);
                default:
                    // NEED_UNWRAP, or done handshaking with records (application data, tickets) waiting.
                    return inbound.position() > 0 && unwrap(inbound);
            }
        }

        boolean wrap(ByteBuffer source) throws SSLException {
            HandshakeStatus before = engine.getHandshakeStatus();
            while (true) {
                SSLEngineResult result = engine.wrap(source, outbound);
                switch (result.getStatus()) {
                    case OK:
                        bytesSent += result.bytesProduced();
                        return madeProgress(result, before);
                    case BUFFER_OVERFLOW:
                        // The peer has not read what is there yet: make room for one more record.
                        outbound = grow(outbound, engine.getSession().getPacketBufferSize());
                        break;
                    default:
                        throw new IllegalStateException("wrap: " + result);
                }
            }
        }

        boolean unwrap(ByteBuffer inbound) throws SSLException {
            HandshakeStatus before = engine.getHandshakeStatus();
            inbound.flip();
            try {
                while (true) {
                    SSLEngineResult result = engine.unwrap(inbound, received);
                    switch (result.getStatus()) {
                        case OK:
                            return madeProgress(result, before);
                        case BUFFER_OVERFLOW:
                            received = grow(received, engine.getSession().getApplicationBufferSize());
                            break;
                        case BUFFER_UNDERFLOW:
                            // Only part of a record is here; the peer must wrap more first. The peer's buffer
                            // always grows to hold a whole record, so underflow never needs handling here.
                            return false;
                        default:
                            throw new IllegalStateException("unwrap: " + result);
                    }
                }
            } finally {
                inbound.compact();
            }
        }

        /** Bytes moved, or the engine now wants something else (a wrap may only change state). */
        private static boolean madeProgress(SSLEngineResult result, HandshakeStatus before) {
            return result.bytesConsumed() > 0 || result.bytesProduced() > 0 || result.getHandshakeStatus() != before;
        }

        /** A copy of {@code buffer} (write mode) with at least {@code room} bytes free. */
        private static ByteBuffer grow(ByteBuffer buffer, int room) {
            ByteBuffer bigger = ByteBuffer.allocate(buffer.position() + room);
            return bigger.put(buffer.flip());
        }

        @Override
        public String toString() {
            return engine.getHandshakeStatus() + ", " + outbound.position() + " bytes unread by the peer";
        }
    }
}
