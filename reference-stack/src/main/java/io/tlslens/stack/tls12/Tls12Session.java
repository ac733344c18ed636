package io.tlslens.stack.tls12;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A TLS 1.2 session that can be resumed (RFC 5246 §7.3, RFC 5077): its master secret, its cipher
 * suite, whether the master secret is the extended one (RFC 7627 §5.3 forbids mixing), and how the
 * client names it to the server (its session ID, or a ticket the server sealed). A client keeps
 * one per server; a server keeps one per session ID. The master secret never appears in
 * {@link #toString()}.
 */
public final class Tls12Session {
    private final int cipherSuite;
    private final byte[] masterSecret;
    private final boolean extendedMasterSecret;
    private final byte[] sessionId;
    private final byte[] ticket;
    private final long creationMillis;
    private final long lifetimeSeconds;
    private final String serverName;
    private final List<X509Certificate> peerCertificates;
    private final List<X509Certificate> localCertificates;

    public Tls12Session(int cipherSuite, byte[] masterSecret, boolean extendedMasterSecret, byte[] sessionId, byte[] ticket,
            long creationMillis, long lifetimeSeconds, String serverName, List<X509Certificate> peerCertificates,
            List<X509Certificate> localCertificates) {
        this.cipherSuite = cipherSuite;
        this.masterSecret = masterSecret.clone();
        this.extendedMasterSecret = extendedMasterSecret;
        this.sessionId = sessionId.clone();
        this.ticket = ticket.clone();
        this.creationMillis = creationMillis;
        this.lifetimeSeconds = lifetimeSeconds;
        this.serverName = serverName;
        this.peerCertificates = List.copyOf(peerCertificates);
        this.localCertificates = List.copyOf(localCertificates);
    }

    public int cipherSuite() {
        return cipherSuite;
    }

    public byte[] masterSecret() {
        return masterSecret.clone();
    }

    public boolean extendedMasterSecret() {
        return extendedMasterSecret;
    }

    /** The session ID the server gave it; empty when it gave none. */
    public byte[] sessionId() {
        return sessionId.clone();
    }

    /** Client: the ticket to present (RFC 5077 §3.3); empty to resume by session ID. */
    public byte[] ticket() {
        return ticket.clone();
    }

    public long creationMillis() {
        return creationMillis;
    }

    public long lifetimeSeconds() {
        return lifetimeSeconds;
    }

    /** The SNI name the session was made for; null when none. A server resumes it for that name only (RFC 6066 §3). */
    public String serverName() {
        return serverName;
    }

    public List<X509Certificate> peerCertificates() {
        return peerCertificates;
    }

    public List<X509Certificate> localCertificates() {
        return localCertificates;
    }

    /** Whether it may still be resumed at {@code nowMillis}. */
    public boolean isValidAt(long nowMillis) {
        long age = nowMillis - creationMillis;
        return age >= 0 && age < lifetimeSeconds * 1000;
    }

    @Override
    public String toString() {
        return "Tls12Session{suite=0x" + Integer.toHexString(cipherSuite) + ", ems=" + extendedMasterSecret
                + ", id " + sessionId.length + " bytes, ticket " + ticket.length + " bytes, lifetime=" + lifetimeSeconds + "s}";
    }
}
