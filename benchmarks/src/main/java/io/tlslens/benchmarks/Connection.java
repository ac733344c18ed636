package io.tlslens.benchmarks;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One TLS connection from the benchmarks' client to their server, over memory ({@link EnginePair}) or loopback
 * TCP ({@link SocketConnection}). Whatever the transport, an operation returns only once both ends have done
 * their part, so a benchmark measures the work of client and server together.
 */
public interface Connection extends Closeable {

    /** A full or resumed handshake, finished on both ends (TLS 1.3 tickets included). */
    void handshake() throws IOException;

    /** Bytes of TLS records the server has sent to the client so far: tells a resumed handshake from a full one. */
    long serverBytesSent();

    /** Sends all of {@code payload} (a heap buffer) from client to server, which reads and discards it. */
    void send(ByteBuffer payload) throws IOException;

    /** Sends all of {@code payload} to the server, which echoes it; returns how many bytes came back. */
    int roundTrip(ByteBuffer payload) throws IOException;
}
