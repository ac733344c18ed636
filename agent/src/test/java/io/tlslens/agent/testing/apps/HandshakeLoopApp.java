package io.tlslens.agent.testing.apps;

import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.pki.SslContexts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * Runs {@code args[0]} full TLS handshakes over loopback, one after the other, and prints how long
 * the slowest took: a handshake held up by TLSLens (say, by an exporter that hangs) shows there.
 */
public final class HandshakeLoopApp {

    private HandshakeLoopApp() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        Pki pki = new Pki(KeyType.EC_P256);
        SSLContext server = SslContexts.create(pki, pki.server());
        SSLContext client = SslContexts.create(null, pki.trustManagers());
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> serve(listener, count), "acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            long slowest = 0;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                try (SSLSocket socket = (SSLSocket) client.getSocketFactory()
                        .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                    socket.setSoTimeout(10_000);
                    socket.setTcpNoDelay(true);
                    long before = System.nanoTime();
                    socket.startHandshake();
                    slowest = Math.max(slowest, System.nanoTime() - before);
                    socket.getSession().invalidate(); // the next one is a full handshake again
                    socket.getInputStream().read(); // the server's byte: its side of the handshake is done too
                }
            }
            System.out.printf("handshakes=%d slowest_ms=%d total_ms=%d%n", count, slowest / 1_000_000,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static void serve(ServerSocket listener, int count) {
        for (int i = 0; i < count; i++) {
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout(10_000);
                socket.setTcpNoDelay(true); // without it, delayed ACKs make every iteration wait ~40 ms
                ((SSLSocket) socket).startHandshake();
                socket.getOutputStream().write('!');
                socket.getOutputStream().flush();
            } catch (IOException e) {
                System.err.println("server: " + e);
            }
        }
    }
}
