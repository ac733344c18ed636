package io.tlslens.observe;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** What a completed handshake agreed on. Codes are IANA codes of the {@code io.tlslens.wire} registries. */
public final class Negotiated {
    private final int version;
    private final int cipherSuite;
    private final Integer group;
    private final Integer signatureScheme;
    private final String applicationProtocol;
    private final String serverName;
    private final boolean resumed;
    private final boolean helloRetry;
    private final List<X509Certificate> peerCertificates;
    private final List<X509Certificate> localCertificates;

    public Negotiated(int version, int cipherSuite, Integer group, Integer signatureScheme, String applicationProtocol,
            String serverName, boolean resumed, boolean helloRetry, List<X509Certificate> peerCertificates,
            List<X509Certificate> localCertificates) {
        this.version = version;
        this.cipherSuite = cipherSuite;
        this.group = group;
        this.signatureScheme = signatureScheme;
        this.applicationProtocol = applicationProtocol;
        this.serverName = serverName;
        this.resumed = resumed;
        this.helloRetry = helloRetry;
        this.peerCertificates = List.copyOf(peerCertificates);
        this.localCertificates = List.copyOf(localCertificates);
    }

    public int version() {
        return version;
    }

    public int cipherSuite() {
        return cipherSuite;
    }

    /** The key exchange group; empty for a resumption without (EC)DHE. */
    public OptionalInt group() {
        return group == null ? OptionalInt.empty() : OptionalInt.of(group);
    }

    /** The server's CertificateVerify (TLS 1.3) or ServerKeyExchange (TLS 1.2) scheme; empty when resumed. */
    public OptionalInt signatureScheme() {
        return signatureScheme == null ? OptionalInt.empty() : OptionalInt.of(signatureScheme);
    }

    public Optional<String> applicationProtocol() {
        return Optional.ofNullable(applicationProtocol);
    }

    /** The SNI host name the client sent. */
    public Optional<String> serverName() {
        return Optional.ofNullable(serverName);
    }

    public boolean resumed() {
        return resumed;
    }

    public boolean helloRetry() {
        return helloRetry;
    }

    /** The peer's chain, leaf first; empty when it sent none (or, resumed, from the original session). */
    public List<X509Certificate> peerCertificates() {
        return peerCertificates;
    }

    public List<X509Certificate> localCertificates() {
        return localCertificates;
    }
}
