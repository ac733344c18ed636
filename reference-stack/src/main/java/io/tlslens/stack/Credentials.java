package io.tlslens.stack;

import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Chooses the certificate this side authenticates with; the JSSE layer implements it over the
 * application's {@code X509ExtendedKeyManager}, passing its engine or socket.
 */
public interface Credentials {

    /** None: a client without a certificate, a server that cannot authenticate. */
    Credentials NONE = new Credentials() {
        @Override
        public Optional<CertifiedKey> serverCredential(List<Integer> peerSignatureSchemes,
                List<X500Principal> authorities, HandshakeView handshake) {
            return Optional.empty();
        }

        @Override
        public Optional<CertifiedKey> clientCredential(List<Integer> peerSignatureSchemes,
                List<X500Principal> authorities, HandshakeView handshake) {
            return Optional.empty();
        }
    };

    /**
     * A server credential that can sign with one of {@code peerSignatureSchemes} (the client's
     * signature_algorithms, in its preference order), preferably issued by one of
     * {@code authorities} (certificate_authorities; empty when not sent).
     */
    Optional<CertifiedKey> serverCredential(List<Integer> peerSignatureSchemes, List<X500Principal> authorities,
            HandshakeView handshake);

    /** A client credential for a CertificateRequest; empty sends an empty Certificate. */
    Optional<CertifiedKey> clientCredential(List<Integer> peerSignatureSchemes, List<X500Principal> authorities,
            HandshakeView handshake);
}
