package io.tlslens.interop;

import io.tlslens.examples.pki.Credential;
import io.tlslens.examples.pki.Pki;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one side of a test connection is configured: what it presents, what it trusts, and what it offers
 * (as a client) or accepts (as a server). An empty list means "the implementation's defaults". Immutable.
 */
final class Settings {
    private final Pki pki;
    private final Credential credential;
    private final List<String> cipherSuites;
    private final List<String> groups;
    private final List<String> signatureSchemes;
    private final List<String> applicationProtocols;
    private final String serverName;
    private final boolean needClientAuth;
    private final List<TlsVersion> versions;
    private final boolean sessionTickets;

    private Settings(Pki pki, Credential credential, List<String> cipherSuites, List<String> groups,
            List<String> signatureSchemes, List<String> applicationProtocols, String serverName,
            boolean needClientAuth, List<TlsVersion> versions, boolean sessionTickets) {
        this.pki = Objects.requireNonNull(pki);
        this.credential = credential;
        this.cipherSuites = List.copyOf(cipherSuites);
        this.groups = List.copyOf(groups);
        this.signatureSchemes = List.copyOf(signatureSchemes);
        this.applicationProtocols = List.copyOf(applicationProtocols);
        this.serverName = serverName;
        this.needClientAuth = needClientAuth;
        this.versions = List.copyOf(versions);
        this.sessionTickets = sessionTickets;
    }

    /**
     * A server presenting the PKI's server certificate and trusting its root, with default parameters for
     * TLS 1.3 alone.
     */
    static Settings server(Pki pki) {
        return new Settings(pki, pki.server(), List.of(), List.of(), List.of(), List.of(), null, false,
                List.of(TlsVersion.TLS_1_3), true);
    }

    /** A client presenting nothing and trusting the PKI's root, with default parameters for TLS 1.3 alone. */
    static Settings client(Pki pki) {
        return new Settings(pki, null, List.of(), List.of(), List.of(), List.of(), null, false,
                List.of(TlsVersion.TLS_1_3), true);
    }

    /** Trusts this PKI's root; a server presents this PKI's server certificate. */
    Pki pki() {
        return pki;
    }

    /** What this side presents: the server certificate, or a client certificate for mutual TLS; may be null. */
    Credential credential() {
        return credential;
    }

    /** IANA names (which are also the JSSE names) of the cipher suites allowed. */
    List<String> cipherSuites() {
        return cipherSuites;
    }

    /** Named groups (RFC 8446 §4.2.7 names: x25519, secp256r1, ...) allowed, in preference order. */
    List<String> groups() {
        return groups;
    }

    /** Signature schemes (RFC 8446 names) allowed in CertificateVerify, in preference order. */
    List<String> signatureSchemes() {
        return signatureSchemes;
    }

    /** ALPN protocol names: offered by a client, accepted by a server, in preference order. */
    List<String> applicationProtocols() {
        return applicationProtocols;
    }

    /** A client's SNI host name (null: send none); a server's only acceptable name (null: accept any). */
    String serverName() {
        return serverName;
    }

    boolean needClientAuth() {
        return needClientAuth;
    }

    /** The protocol versions enabled, newest first; never empty. */
    List<TlsVersion> versions() {
        return versions;
    }

    /** Whether TLS 1.2 session tickets (RFC 5077) may be used; without them, TLS 1.2 resumes by session ID. */
    boolean sessionTickets() {
        return sessionTickets;
    }

    Settings withCipherSuites(String... names) {
        return new Settings(pki, credential, List.of(names), groups, signatureSchemes, applicationProtocols,
                serverName, needClientAuth, versions, sessionTickets);
    }

    Settings withGroups(String... names) {
        return new Settings(pki, credential, cipherSuites, List.of(names), signatureSchemes, applicationProtocols,
                serverName, needClientAuth, versions, sessionTickets);
    }

    Settings withSignatureSchemes(String... names) {
        return new Settings(pki, credential, cipherSuites, groups, List.of(names), applicationProtocols,
                serverName, needClientAuth, versions, sessionTickets);
    }

    Settings withApplicationProtocols(String... names) {
        return new Settings(pki, credential, cipherSuites, groups, signatureSchemes, List.of(names), serverName,
                needClientAuth, versions, sessionTickets);
    }

    Settings withServerName(String name) {
        return new Settings(pki, credential, cipherSuites, groups, signatureSchemes, applicationProtocols, name,
                needClientAuth, versions, sessionTickets);
    }

    /** Presents {@code other} instead. */
    Settings withCredential(Credential other) {
        return new Settings(pki, other, cipherSuites, groups, signatureSchemes, applicationProtocols, serverName,
                needClientAuth, versions, sessionTickets);
    }

    /** A client presenting the PKI's client certificate. */
    Settings withClientCertificate() {
        return withCredential(pki.client());
    }

    /** A server that requires a client certificate chaining to the PKI's root. */
    Settings requiringClientAuth() {
        return new Settings(pki, credential, cipherSuites, groups, signatureSchemes, applicationProtocols,
                serverName, true, versions, sessionTickets);
    }

    /** Enables {@code enabled} (newest first) instead. */
    Settings withVersions(TlsVersion... enabled) {
        return new Settings(pki, credential, cipherSuites, groups, signatureSchemes, applicationProtocols,
                serverName, needClientAuth, List.of(enabled), sessionTickets);
    }

    /** Neither sends nor accepts TLS 1.2 session tickets, so that resumption is by session ID. */
    Settings withoutSessionTickets() {
        return new Settings(pki, credential, cipherSuites, groups, signatureSchemes, applicationProtocols,
                serverName, needClientAuth, versions, false);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add(versions.toString());
        parts.add(pki.keyType().label());
        if (!cipherSuites.isEmpty()) {
            parts.add("suites=" + cipherSuites);
        }
        if (!groups.isEmpty()) {
            parts.add("groups=" + groups);
        }
        if (!signatureSchemes.isEmpty()) {
            parts.add("signature-schemes=" + signatureSchemes);
        }
        if (!applicationProtocols.isEmpty()) {
            parts.add("alpn=" + applicationProtocols);
        }
        if (serverName != null) {
            parts.add("sni=" + serverName);
        }
        if (needClientAuth) {
            parts.add("client-auth");
        }
        if (!sessionTickets) {
            parts.add("no-tickets");
        }
        return String.join(" ", parts);
    }
}
