package io.tlslens.stack.jsse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import javax.net.ssl.SSLServerSocketFactory;

/** Server sockets of the reference stack. */
final class TlsLensServerSocketFactory extends SSLServerSocketFactory {
    private final ContextData context;

    TlsLensServerSocketFactory(ContextData context) {
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

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new TlsLensServerSocket(context);
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return new TlsLensServerSocket(context, port, 50, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return new TlsLensServerSocket(context, port, backlog, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return new TlsLensServerSocket(context, port, backlog, address);
    }
}
