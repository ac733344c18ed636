package io.tlslens.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A collector that has hung: it accepts TCP connections and then never reads or answers. An exporter pointed here
 * waits for its own timeout, which is what must never reach a handshake. Counts connections, so a test can tell that
 * the exporter really tried.
 */
public final class HangingEndpoint implements AutoCloseable {
    private final Monitor monitor = new Monitor();
    private final ServerSocket serverSocket;
    private final List<Socket> accepted = new ArrayList<>();
    private boolean closed;

    HangingEndpoint() {
        try {
            serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the hanging endpoint", e);
        }
        Thread acceptor = new Thread(this::acceptForever, "hanging-endpoint-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptForever() {
        while (true) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return; // closed
            }
            // Held open and never read: the peer's requests sit in socket buffers until it gives up.
            monitor.update(() -> {
                if (closed) {
                    closeQuietly(socket);
                } else {
                    accepted.add(socket);
                }
            });
        }
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT}, for {@code OTEL_EXPORTER_OTLP_ENDPOINT} with either protocol. */
    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    public int acceptedConnections() {
        return monitor.read(accepted::size);
    }

    /** Waits until at least {@code count} connections were accepted; fails after {@code timeout}. */
    public void awaitConnections(int count, Duration timeout) {
        if (!monitor.await(() -> accepted.size() >= count, timeout)) {
            throw new AssertionError("expected " + count + " connection(s) to " + endpoint() + " within " + timeout
                    + ", got " + acceptedConnections());
        }
    }

    @Override
    public void close() {
        closeQuietly(serverSocket);
        monitor.update(() -> {
            closed = true;
            accepted.forEach(HangingEndpoint::closeQuietly);
        });
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing on test teardown; nothing to do
        }
    }
}
