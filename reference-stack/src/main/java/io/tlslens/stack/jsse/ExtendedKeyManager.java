package io.tlslens.stack.jsse;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * A plain {@link X509KeyManager} made extended, so the handshake calls one interface: the engine
 * variants ask the plain manager without a socket, which is all it can be told.
 */
final class ExtendedKeyManager extends X509ExtendedKeyManager {
    private final X509KeyManager keyManager;

    private ExtendedKeyManager(X509KeyManager keyManager) {
        this.keyManager = keyManager;
    }

    static X509ExtendedKeyManager of(X509KeyManager keyManager) {
        return keyManager instanceof X509ExtendedKeyManager
                ? (X509ExtendedKeyManager) keyManager
                : new ExtendedKeyManager(keyManager);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return keyManager.getClientAliases(keyType, issuers);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return keyManager.chooseClientAlias(keyTypes, issuers, socket);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return keyManager.getServerAliases(keyType, issuers);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return keyManager.chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return keyManager.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return keyManager.getPrivateKey(alias);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return keyManager.chooseClientAlias(keyTypes, issuers, null);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return keyManager.chooseServerAlias(keyType, issuers, null);
    }
}
