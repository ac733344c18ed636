package io.tlslens.stack.jsse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;

/** SSLServerSocket of the reference stack: each accepted socket starts with a copy of its parameters. */
final class TlsLensServerSocket extends SSLServerSocket {
    private final ContextData context;
    private final ConnectionParameters parameters;

    TlsLensServerSocket(ContextData context) throws IOException {
        this.context = context;
        this.parameters = context.newParameters(false);
    }

    TlsLensServerSocket(ContextData context, int port, int backlog, InetAddress address) throws IOException {
        super(port, backlog, address);
        this.context = context;
        this.parameters = context.newParameters(false);
    }

    @Override
    public Socket accept() throws IOException {
        Socket transport = new Socket();
        implAccept(transport);
        ConnectionParameters copy;
        synchronized (parameters) {
            copy = parameters.copy();
        }
        return TlsLensSocket.accepted(context, copy, transport);
    }

    @Override
    public String[] getEnabledCipherSuites() {
        synchronized (parameters) {
            return parameters.cipherSuites();
        }
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        synchronized (parameters) {
            parameters.setCipherSuites(suites);
        }
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return JsseNames.CIPHER_SUITES.supported();
    }

    @Override
    public String[] getSupportedProtocols() {
        return JsseNames.PROTOCOLS.supported();
    }

    @Override
    public String[] getEnabledProtocols() {
        synchronized (parameters) {
            return parameters.protocols();
        }
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        synchronized (parameters) {
            parameters.setProtocols(protocols);
        }
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        synchronized (parameters) {
            parameters.setNeedClientAuth(need);
        }
    }

    @Override
    public boolean getNeedClientAuth() {
        synchronized (parameters) {
            return parameters.needClientAuth();
        }
    }

    @Override
    public void setWantClientAuth(boolean want) {
        synchronized (parameters) {
            parameters.setWantClientAuth(want);
        }
    }

    @Override
    public boolean getWantClientAuth() {
        synchronized (parameters) {
            return parameters.wantClientAuth();
        }
    }

    @Override
    public void setUseClientMode(boolean clientMode) {
        synchronized (parameters) {
            parameters.setClientMode(clientMode);
        }
    }

    @Override
    public boolean getUseClientMode() {
        synchronized (parameters) {
            return parameters.clientMode();
        }
    }

    @Override
    public void setEnableSessionCreation(boolean enable) {
        synchronized (parameters) {
            parameters.setEnableSessionCreation(enable);
        }
    }

    @Override
    public boolean getEnableSessionCreation() {
        synchronized (parameters) {
            return parameters.enableSessionCreation();
        }
    }

    @Override
    public SSLParameters getSSLParameters() {
        synchronized (parameters) {
            return parameters.toSSLParameters();
        }
    }

    @Override
    public void setSSLParameters(SSLParameters p) {
        synchronized (parameters) {
            parameters.apply(p);
        }
    }

    @Override
    public String toString() {
        return "TlsLensServerSocket[" + super.toString() + "]";
    }
}
