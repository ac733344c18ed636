package io.tlslens.examples.scenario.good;

import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.pki.SslContexts;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.SocketPairScenario;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Produces no error.type: a TLS 1.3 handshake whose server key manager takes {@link #DELAY_MILLIS} to
 * choose the certificate, as one that fetches keys from a vault or an HSM over the network does. The
 * handshake is slow, and the time is spent in the key manager, not in TLS.
 */
public final class SlowKeyManagerScenario extends SocketPairScenario {

    public static final long DELAY_MILLIS = 500;

    public SlowKeyManagerScenario() {
        super("slow-key-manager", "the server's key manager takes " + DELAY_MILLIS
                + " ms to choose its certificate", Expectation.success());
    }

    @Override
    protected SSLContext serverContext(Pki pki) throws GeneralSecurityException {
        X509ExtendedKeyManager keys = (X509ExtendedKeyManager) pki.server().keyManagers()[0];
        return SslContexts.create(new KeyManager[] {new Slow(keys)}, pki.trustManagers());
    }

    /** Waits, then lets the real key manager choose. */
    private static final class Slow extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager delegate;

        Slow(X509ExtendedKeyManager delegate) {
            this.delegate = delegate;
        }

        private static void pause() {
            try {
                Thread.sleep(DELAY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            pause();
            return delegate.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            pause();
            return delegate.chooseEngineServerAlias(keyType, issuers, engine);
        }

        @Override
        public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
            return delegate.chooseClientAlias(keyTypes, issuers, socket);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
            return delegate.chooseEngineClientAlias(keyTypes, issuers, engine);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return delegate.getServerAliases(keyType, issuers);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return delegate.getClientAliases(keyType, issuers);
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
}
