package io.tlslens.stack.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;

/**
 * Two engines wired back to back in memory, driven the way Netty and the JDK's HttpClient drive
 * them: by {@code getHandshakeStatus()} alone. Every result is kept for the tests to inspect.
 */
final class EngineLoop {
    private static final int MAX_STEPS = 1000;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    final SSLEngine client;
    final SSLEngine server;
    /** Bytes in flight, each in read mode. */
    final ByteBuffer toServer = ByteBuffer.allocate(1 << 18).flip();
    final ByteBuffer toClient = ByteBuffer.allocate(1 << 18).flip();
    final List<SSLEngineResult> clientResults = new ArrayList<>();
    final List<SSLEngineResult> serverResults = new ArrayList<>();

    EngineLoop(SSLEngine client, SSLEngine server) {
        this.client = client;
        this.server = server;
        client.setUseClientMode(true);
        server.setUseClientMode(false);
    }

    /** Runs the handshake until both engines report FINISHED and have nothing left to wrap. */
    EngineLoop handshake() throws SSLException {
        client.beginHandshake();
        server.beginHandshake();
        for (int i = 0; i < MAX_STEPS; i++) {
            boolean moved = step(client, toClient, toServer, clientResults);
            moved |= step(server, toServer, toClient, serverResults);
            if (finished(clientResults) && finished(serverResults)
                    && client.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING
                    && server.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING) {
                return this;
            }
            if (!moved) {
                fail("handshake stalled: client " + client.getHandshakeStatus() + ", server "
                        + server.getHandshakeStatus());
            }
        }
        fail("handshake did not end in " + MAX_STEPS + " steps");
        return this;
    }

    /** Sends {@code text} one way and returns what the other side read (post-handshake messages processed on the way). */
    static String send(SSLEngine from, ByteBuffer wire, SSLEngine to, String text) throws SSLException {
        ByteBuffer src = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (src.hasRemaining()) {
            wrap(from, src, wire);
        }
        ByteBuffer received = ByteBuffer.allocate(1 << 16);
        while (wire.hasRemaining()) {
            SSLEngineResult r = to.unwrap(wire, received);
            assertEquals(Status.OK, r.getStatus(), "unwrap " + r);
            if (to.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                return fail("the receiver wants to wrap: " + r);
            }
        }
        received.flip();
        return StandardCharsets.UTF_8.decode(received).toString();
    }

    String clientToServer(String text) throws SSLException {
        return send(client, toServer, server, text);
    }

    String serverToClient(String text) throws SSLException {
        return send(server, toClient, client, text);
    }

    /** Wraps into the in-flight buffer {@code wire}. */
    static SSLEngineResult wrap(SSLEngine engine, ByteBuffer src, ByteBuffer wire) throws SSLException {
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        SSLEngineResult r = engine.wrap(src, out);
        out.flip();
        append(wire, out);
        return r;
    }

    static void append(ByteBuffer wire, ByteBuffer bytes) {
        wire.compact();
        wire.put(bytes);
        wire.flip();
    }

    private static boolean step(SSLEngine engine, ByteBuffer in, ByteBuffer out, List<SSLEngineResult> results)
            throws SSLException {
        switch (engine.getHandshakeStatus()) {
            case NEED_WRAP: {
                SSLEngineResult r = wrap(engine, EMPTY, out);
                results.add(r);
                return r.bytesProduced() > 0 || r.getHandshakeStatus() == HandshakeStatus.FINISHED;
            }
            case NEED_UNWRAP: {
                if (!in.hasRemaining()) {
                    return false;
                }
                SSLEngineResult r = engine.unwrap(in, ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()));
                results.add(r);
                return r.bytesConsumed() > 0 || r.getHandshakeStatus() == HandshakeStatus.FINISHED;
            }
            case NEED_TASK: {
                Runnable task;
                while ((task = engine.getDelegatedTask()) != null) {
                    task.run();
                }
                return true;
            }
            default:
                return false;
        }
    }

    static boolean finished(List<SSLEngineResult> results) {
        return results.stream().anyMatch(r -> r.getHandshakeStatus() == HandshakeStatus.FINISHED);
    }

    static long finishedCount(List<SSLEngineResult> results) {
        return results.stream().filter(r -> r.getHandshakeStatus() == HandshakeStatus.FINISHED).count();
    }
}
