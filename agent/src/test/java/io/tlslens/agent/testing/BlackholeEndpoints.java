package io.tlslens.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Exporter targets that are down, for "an exporter that is down never blocks a handshake". */
public final class BlackholeEndpoints {
    private BlackholeEndpoints() {
    }

    /** Accepts connections and never answers. Close it after the test. */
    public static HangingEndpoint hanging() {
        return new HangingEndpoint();
    }

    /**
     * {@code http://127.0.0.1:PORT} where nothing listens, so connecting is refused at once. The port was bound and
     * released, so it is free; another process may take it meanwhile, which on loopback in a test run is unlikely.
     */
    public static String unreachableEndpoint() {
        return "http://127.0.0.1:" + unusedPort();
    }

    /** A loopback port that was just free. */
    public static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind an ephemeral port", e);
        }
    }
}
