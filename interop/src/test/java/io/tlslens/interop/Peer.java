package io.tlslens.interop;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * A TLS implementation that can take either side of a test connection. Every connection speaks the same
 * small application protocol, the one {@code openssl s_server -rev} speaks: the client sends one line, the
 * server answers with the line reversed, the client closes (close_notify) and the server sees the end of
 * the stream.
 */
interface Peer {
    /** Bounds every wait for a handshake, a read or a process, so that no test can hang. */
    Duration TIMEOUT = Duration.ofSeconds(10);

    /** How the test names the implementation: {@code SunJSSE}, {@code BCJSSE}, {@code TLSLens}, {@code openssl}. */
    String name();

    /** Starts a server on 127.0.0.1 that serves {@code connections} connections, one after the other. */
    Server serve(Settings settings, int connections) throws Exception;

    /** A client; its connections share one session cache, so a second connection can resume the first. */
    Client client(Settings settings) throws Exception;

    /** The server's answer to {@code request}. */
    static String reply(String request) {
        return new StringBuilder(request).reverse().toString();
    }

    /** A running server; closing it stops it and releases its port. */
    interface Server extends AutoCloseable {
        int port();

        /** Waits until every connection has ended; what the server saw on each, in order. */
        List<Seen> finish() throws Exception;

        @Override
        void close() throws IOException;
    }

    /** One side that connects. */
    interface Client extends AutoCloseable {
        /** Connects to 127.0.0.1:port, sends {@code request}, reads the reply, closes; what it saw. */
        Seen exchange(int port, String request) throws Exception;

        @Override
        void close() throws IOException;
    }
}
