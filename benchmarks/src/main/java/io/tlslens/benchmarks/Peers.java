package io.tlslens.benchmarks;

import io.tlslens.examples.pki.Credential;
import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;

/**
 * A server presenting the examples' PKI credential of one key type and a client trusting that PKI, both of one
 * provider and restricted to one protocol version. Making the PKI is slow (RSA key generation), so a benchmark
 * makes one per trial and many connections from it.
 *
 * <p>Key and trust managers come from the provider's own factories where it has them (Bouncy Castle), else from
 * the JDK's, as an application using that provider would set it up.
 */
public final class Peers {
    /** The name the examples' server certificate holds, checked by the client as an HTTPS client would. */
    static final String HOST = "localhost";
    /** The port in-memory clients name: they never connect to it. */
    private static final int ENGINE_PORT = 443;

    private final String protocol;
    private final SSLContext serverContext;
    private final SSLContext clientContext;
    private final int serverChainBytes;

    public Peers(JsseProvider provider, KeyType keyType, String protocol) throws GeneralSecurityException {
        Pki pki = new Pki(keyType);
        this.protocol = protocol;
        TrustManager[] trust = provider.trustManagers(pki.trustStore());
        serverContext = provider.newContext();
        serverContext.init(provider.keyManagers(pki.server().keyStore(), Credential.PASSWORD), trust, null);
        clientContext = provider.newContext();
        clientContext.init(null, trust, null);
        // Only the last session is ever resumed: a cache of one keeps memory flat over millions of connections.
        clientContext.getClientSessionContext().setSessionCacheSize(1);
        int chainBytes = 0;
        for (X509Certificate certificate : pki.server().chain()) {
            chainBytes += certificate.getEncoded().length;
        }
        serverChainBytes = chainBytes;
    }

    String protocol() {
        return protocol;
    }

    SSLContext serverContext() {
        return serverContext;
    }

    SSLContext clientContext() {
        return clientContext;
    }

    /** Encoded size of the certificates a full handshake's server sends; a resumed one sends none. */
    public int serverChainBytes() {
        return serverChainBytes;
    }

    /** The client's settings on top of its provider's defaults: the one protocol, and HTTPS's name check. */
    SSLParameters clientParameters(SSLParameters defaults) {
        defaults.setProtocols(new String[] {protocol});
        defaults.setEndpointIdentificationAlgorithm("HTTPS");
        return defaults;
    }

    /**
     * Invalidates every session the client holds, so that its next connection makes a full handshake: JSSE
     * defines an invalidated session as one that "future connections will not be able to resume or join".
     * Cheap next to a handshake: the cache holds one session.
     */
    void forgetClientSessions() {
        SSLSessionContext sessions = clientContext.getClientSessionContext();
        for (byte[] id : Collections.list(sessions.getIds())) {
            SSLSession session = sessions.getSession(id);
            if (session != null) {
                session.invalidate();
            }
        }
    }

    /**
     * New in-memory engines, not yet handshaking, both of this provider. The client names one port for its
     * server every time: with the host, it is what the client's session cache is keyed by.
     */
    EnginePair connectEngines() {
        SSLEngine client = clientContext.createSSLEngine(HOST, ENGINE_PORT);
        client.setUseClientMode(true);
        client.setSSLParameters(clientParameters(client.getSSLParameters()));

        SSLEngine server = serverContext.createSSLEngine();
        server.setUseClientMode(false);
        server.setEnabledProtocols(new String[] {protocol});
        return new EnginePair(client, server);
    }
}
