package io.tlslens.stack.jsse;

import io.tlslens.stack.HandshakeView;
import io.tlslens.stack.PeerVerifier;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The core's {@link PeerVerifier} over the application's trust manager, called with the engine or
 * socket so that it can read the handshake session and do endpoint identification.
 */
final class TrustManagerVerifier implements PeerVerifier {
    private final X509ExtendedTrustManager trustManager;
    private final ManagerCaller caller;

    TrustManagerVerifier(X509ExtendedTrustManager trustManager, ManagerCaller caller) {
        this.trustManager = trustManager;
        this.caller = caller;
    }

    @Override
    public void verify(List<X509Certificate> chain, String authType, HandshakeView handshake)
            throws CertificateException {
        X509Certificate[] certificates = chain.toArray(new X509Certificate[0]);
        if (handshake.isClient()) {
            caller.checkServerTrusted(trustManager, certificates, authType);
        } else {
            caller.checkClientTrusted(trustManager, certificates, authType);
        }
    }
}
