package io.tlslens.examples.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** Client-side connections to 127.0.0.1, every one with connect and read timeouts. */
public final class Loopback {
    /** The host name a client asks for: it is what endpoint identification and SNI compare with. */
    public static final String HOST = "localhost";
    public static final InetAddress ADDRESS = ipv4Loopback();

    private Loopback() {
    }

    /** A plain TCP connection to 127.0.0.1:{@code port} with {@code readTimeout} as SO_TIMEOUT. */
    public static Socket connect(int port, Duration readTimeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(ADDRESS, port), Timeouts.millis(Timeouts.IO));
            socket.setSoTimeout(Timeouts.millis(readTimeout));
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * A client SSLSocket layered over a loopback connection and named {@value #HOST}, the way a client
     * that resolved "localhost" connects: the name is what endpoint identification checks (and what an
     * explicit SNI would carry), while the connection goes to 127.0.0.1 whatever "localhost" resolves to.
     * The handshake has not started.
     */
    public static SSLSocket connectTls(SSLContext context, int port, Duration readTimeout) throws IOException {
        Socket plain = connect(port, readTimeout);
        try {
            return (SSLSocket) context.getSocketFactory().createSocket(plain, HOST, port, true);
        } catch (IOException e) {
            plain.close();
            throw e;
        }
    }

    private static InetAddress ipv4Loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a literal address cannot be unknown", e);
        }
    }
}
