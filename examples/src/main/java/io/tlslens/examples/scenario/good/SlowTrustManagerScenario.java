package io.tlslens.examples.scenario.good;

import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.pki.SslContexts;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.SocketPairScenario;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Produces no error.type: a TLS 1.3 handshake whose client trust manager takes {@link #DELAY_MILLIS}
 * to decide, as one that checks revocation over a slow network does. The handshake is slow, and
 * the time is spent in the trust manager, not in TLS.
 */
public final class SlowTrustManagerScenario extends SocketPairScenario {

    public static final long DELAY_MILLIS = 500;

    public SlowTrustManagerScenario() {
        super("slow-trust-manager", "the client's trust manager takes " + DELAY_MILLIS
                + " ms to accept the server's certificate", Expectation.success());
    }

    @Override
    protected SSLContext clientContext(Pki pki) throws GeneralSecurityException {
        X509ExtendedTrustManager trust = (X509ExtendedTrustManager) pki.trustManagers()[0];
        return SslContexts.create(null, new TrustManager[] {new Slow(trust)});
    }

    /** Waits, then lets the real trust manager decide. */
    private static final class Slow extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;

        Slow(X509ExtendedTrustManager delegate) {
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
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            pause();
            delegate.checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            pause();
            delegate.checkServerTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            pause();
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
