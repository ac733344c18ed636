package io.tlslens.examples.net;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ssl.SSLContext;

/**
 * A server socket on 127.0.0.1 and an ephemeral port that serves a fixed number of connections on a
 * daemon thread. Accept and every read are bounded by {@link Timeouts#IO}; closing it unblocks a pending
 * accept.
 */
public final class LoopbackServer implements AutoCloseable {
    /** What the server does with one accepted connection; the socket is closed afterwards. */
    public interface ConnectionHandler {
        void handle(Socket socket) throws Exception;
    }

    private final ServerSocket serverSocket;

    private LoopbackServer(ServerSocket serverSocket) throws IOException {
        this.serverSocket = serverSocket;
        serverSocket.setSoTimeout(Timeouts.millis(Timeouts.IO));
    }

    /** A TCP server that speaks whatever its handler writes: for peers that are not (quite) TLS. */
    public static LoopbackServer plain() throws IOException {
        return new LoopbackServer(new ServerSocket(0, 50, Loopback.ADDRESS));
    }

    /** An SSLServerSocket of {@code context}: accepted sockets are {@link javax.net.ssl.SSLSocket}s. */
    public static LoopbackServer tls(SSLContext context) throws IOException {
        return new LoopbackServer(context.getServerSocketFactory().createServerSocket(0, 50, Loopback.ADDRESS));
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /**
     * Accepts {@code connections} connections one after the other and hands each to {@code handler}.
     * The result fails with the first exception (a handler's, or an accept timeout).
     */
    public Background<Void> serve(int connections, ConnectionHandler handler) {
        return Background.start("loopback-server-" + port(), () -> {
            for (int i = 0; i < connections; i++) {
                try (Socket socket = serverSocket.accept()) {
                    socket.setSoTimeout(Timeouts.millis(Timeouts.IO));
                    handler.handle(socket);
                }
            }
            return null;
        });
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }
}
