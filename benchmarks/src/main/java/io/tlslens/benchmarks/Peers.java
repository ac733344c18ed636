package io.tlslens.benchmarks;

import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.pki.SslContexts;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * A server presenting the examples' PKI credential of one key type and a client trusting that PKI, both
 * SunJSSE and restricted to one protocol version. Making the PKI is slow (RSA key generation), so a
 * benchmark makes one per trial and many engine pairs from it.
 */
public final class Peers {
    /** The name the examples' server certificate holds, checked by the client as an HTTPS client would. */
    private static final String HOST = "localhost";

    private final String protocol;
    private final SSLContext serverContext;
    private final SSLContext clientContext;
    private final int serverChainBytes;

    public Peers(KeyType keyType, String protocol) throws GeneralSecurityException {
        Pki pki = new Pki(keyType);
        this.protocol = protocol;
        serverContext = SslContexts.create(pki, pki.server());
        clientContext = SslContexts.create(pki, null);
        int chainBytes = 0;
        for (X509Certificate certificate : pki.server().chain()) {
            chainBytes += certificate.getEncoded().length;
        }
        serverChainBytes = chainBytes;
    }

    /** The client's session cache, which decides whether a connection to a host and port resumes. */
    public SSLContext clientContext() {
        return clientContext;
    }

    /** Encoded size of the certificates a full handshake's server sends; a resumed one sends none. */
    public int serverChainBytes() {
        return serverChainBytes;
    }

    /**
     * New engines, not yet handshaking. The client names {@code port}: JSSE's client session cache is keyed by
     * peer host and port, so a port decides between a fresh session and a resumed one.
     */
    public EnginePair connect(int port) {
        SSLEngine client = clientContext.createSSLEngine(HOST, port);
        client.setUseClientMode(true);
        SSLParameters clientParameters = client.getSSLParameters();
        clientParameters.setProtocols(new String[] {protocol});
        clientParameters.setEndpointIdentificationAlgorithm("HTTPS");
        client.setSSLParameters(clientParameters);

        SSLEngine server = serverContext.createSSLEngine();
        server.setUseClientMode(false);
        server.setEnabledProtocols(new String[] {protocol});
        return new EnginePair(client, server);
    }

    /** New engines, handshaken, with nothing left in flight. */
    public EnginePair established(int port) throws SSLException {
        EnginePair pair = connect(port);
        pair.handshake();
        return pair;
    }
}
