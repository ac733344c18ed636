package io.tlslens.stack;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a connection has agreed so far. During the handshake it is partial (this is what the JSSE
 * layer's handshake session shows the key and trust managers); after it, complete. Codes are IANA
 * codes.
 */
public interface HandshakeView {

    boolean isClient();

    /** The peer host as the application named it; null when unknown. */
    String peerHost();

    /** The peer port; -1 when unknown. */
    int peerPort();

    OptionalInt version();

    OptionalInt cipherSuite();

    /** SNI host names: those this client sent, or those this server received. */
    List<String> serverNames();

    /** The signature schemes the peer said it accepts (signature_algorithms). */
    List<Integer> peerSignatureSchemes();

    /** The signature schemes this side offered or accepts. */
    List<Integer> localSignatureSchemes();

    /** The peer's chain, leaf first; empty until received (or when it sent none). */
    List<X509Certificate> peerCertificates();

    /** The chain this side sent; empty when none. */
    List<X509Certificate> localCertificates();

    /** The ALPN protocol once chosen; empty when none was (or not yet). */
    Optional<String> applicationProtocol();

    /** The session identifier: legacy_session_id (TLS 1.2) or one derived per session (TLS 1.3). */
    byte[] sessionId();

    /** When the session was created, in milliseconds since the epoch. */
    long creationTime();

    boolean resumed();

    /** RFC 8446 §7.5 / RFC 5705 exporter; only after the handshake. */
    byte[] exportKeyingMaterial(String label, byte[] context, int length);
}
