package io.tlslens.stack;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Decides whether the peer's chain is trusted; the JSSE layer implements it over the
 * application's {@code X509ExtendedTrustManager} (endpoint identification included), passing its
 * engine or socket and a handshake session built on {@code handshake}.
 */
public interface PeerVerifier {

    /**
     * @param chain the peer's chain, leaf first, never empty
     * @param authType the JSSE authType: {@code UNKNOWN} for a TLS 1.3 server, the leaf's key
     *        algorithm for a client certificate, the key exchange (e.g. {@code ECDHE_RSA}) for TLS 1.2
     */
    void verify(List<X509Certificate> chain, String authType, HandshakeView handshake) throws CertificateException;
}
