package io.tlslens.examples.scenario.good;

import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.pki.SlowTrustManager;
import io.tlslens.examples.pki.SslContexts;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.SocketPairScenario;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
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
        return SslContexts.create(null,
                new TrustManager[] {new SlowTrustManager(trust, Duration.ofMillis(DELAY_MILLIS))});
    }
}
