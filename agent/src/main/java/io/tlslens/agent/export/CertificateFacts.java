package io.tlslens.agent.export;

import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What telemetry says of one certificate, as strings: worked out once per certificate, not once per
 * span. A service sees the same few chains in every handshake, and the same certificate object
 * each time ({@code HandshakeSummary} parses each encoding once; JSSE sessions hold theirs), while
 * naming the principals, formatting the dates and hashing the encoding cost more than the rest
 * of the span.
 */
final class CertificateFacts {

    private static final int CAPACITY = 256;
    private static final Map<X509Certificate, CertificateFacts> CACHE =
            new LinkedHashMap<>(CAPACITY, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<X509Certificate, CertificateFacts> eldest) {
                    return size() > CAPACITY;
                }
            };

    final String subject;
    final String issuer;
    final String notBefore;
    final String notAfter;
    final long notAfterMillis;
    /** {@code null} when the certificate cannot be encoded. */
    final String sha256;
    /** The serial number in hex. */
    final String serial;

    private CertificateFacts(X509Certificate certificate) {
        subject = certificate.getSubjectX500Principal().getName();
        issuer = certificate.getIssuerX500Principal().getName();
        notBefore = certificate.getNotBefore().toInstant().toString();
        notAfter = certificate.getNotAfter().toInstant().toString();
        notAfterMillis = certificate.getNotAfter().getTime();
        sha256 = Fingerprints.sha256(certificate);
        serial = certificate.getSerialNumber().toString(16);
    }

    /**
     * The facts of {@code certificate}, from the cache when it was seen before. Certificates are
     * equal when their encodings are, and the JDK caches a certificate's hash code, so a lookup
     * costs little more than an identity check.
     */
    static CertificateFacts of(X509Certificate certificate) {
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(certificate, CertificateFacts::new);
        }
    }
}
