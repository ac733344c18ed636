package io.tlslens.stack.jsse;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedKeyManager;

/** Delegates to the JDK's key manager and records what each call saw, as Jetty's SNI key manager would read it. */
final class RecordingKeyManager extends X509ExtendedKeyManager {
    private final X509ExtendedKeyManager delegate;
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<SSLSession> handshakeSessions = new CopyOnWriteArrayList<>();

    RecordingKeyManager(KeyManager[] keyManagers) {
        this.delegate = (X509ExtendedKeyManager) keyManagers[0];
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        calls.add("server:" + keyType);
        SSLSession session = engine.getHandshakeSession();
        handshakeSessions.add(session);
        String alias = delegate.chooseEngineServerAlias(keyType, issuers, engine);
        if (alias != null && session instanceof ExtendedSSLSession) {
            session.putValue("alias", alias);
        }
        return alias;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        calls.add("client:" + String.join(",", keyTypes));
        handshakeSessions.add(engine.getHandshakeSession());
        return delegate.chooseEngineClientAlias(keyTypes, issuers, engine);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        calls.add("socket-server:" + keyType);
        return delegate.chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        calls.add("socket-client:" + String.join(",", keyTypes));
        return delegate.chooseClientAlias(keyTypes, issuers, socket);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return delegate.getClientAliases(keyType, issuers);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return delegate.getServerAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return delegate.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return delegate.getPrivateKey(alias);
    }
}
