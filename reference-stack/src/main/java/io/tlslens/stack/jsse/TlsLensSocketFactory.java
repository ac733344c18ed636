package io.tlslens.stack.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sockets of the reference stack: client sockets connected by the factory, unconnected, or layered
 * over a socket; server sockets layered over a socket whose first bytes were already read.
 */
final class TlsLensSocketFactory extends SSLSocketFactory {
    private final ContextData context;

    TlsLensSocketFactory(ContextData context) {
        this.context = context;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return JsseNames.CIPHER_SUITES.supported();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return JsseNames.CIPHER_SUITES.supported();
    }

    /** Unconnected: the application connects it, and the host it connects to becomes the peer host. */
    @Override
    public Socket createSocket() {
        return TlsLensSocket.client(context, new Socket(), null, -1, true);
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) {
        return TlsLensSocket.client(context, socket, host, port, autoClose);
    }

    /** Server mode, over a connected socket whose first bytes ({@code consumed}) the application already read. */
    @Override
    public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) {
        return TlsLensSocket.server(context, context.newParameters(false), socket,
                consumed == null ? InputStream.nullInputStream() : consumed, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return TlsLensSocket.client(context, new Socket(host, port), host, port, true);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return TlsLensSocket.client(context, new Socket(host, port, localHost, localPort), host, port, true);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    /** Connects through the TLS socket, which takes the peer host from the address without a reverse lookup. */
    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote);
        return socket;
    }
}
