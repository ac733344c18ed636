package io.tlslens.stack;

import io.tlslens.wire.CipherSuite;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A TLS 1.3 ticket as a client keeps it (RFC 8446 §4.6.1): the server's opaque ticket, the PSK
 * derived from it, and what the session agreed, so that a resumption can offer it, check the
 * server's answer and report the session. The PSK never appears in {@link #toString()}.
 */
public final class ResumptionTicket {
    private final byte[] ticket;
    private final byte[] psk;
    private final int cipherSuite;
    private final long lifetimeSeconds;
    private final long ageAdd;
    private final long issuedMillis;
    private final long maxEarlyData;
    private final String applicationProtocol;
    private final String serverName;
    private final List<X509Certificate> peerCertificates;
    private final List<X509Certificate> localCertificates;

    public ResumptionTicket(byte[] ticket, byte[] psk, int cipherSuite, long lifetimeSeconds, long ageAdd,
            long issuedMillis, long maxEarlyData, String applicationProtocol, String serverName,
            List<X509Certificate> peerCertificates, List<X509Certificate> localCertificates) {
        this.ticket = ticket.clone();
        this.psk = psk.clone();
        this.cipherSuite = cipherSuite;
        this.lifetimeSeconds = lifetimeSeconds;
        this.ageAdd = ageAdd;
        this.issuedMillis = issuedMillis;
        this.maxEarlyData = maxEarlyData;
        this.applicationProtocol = applicationProtocol;
        this.serverName = serverName;
        this.peerCertificates = List.copyOf(peerCertificates);
        this.localCertificates = List.copyOf(localCertificates);
    }

    /** The ticket as the server sent it: the PskIdentity to offer. */
    public byte[] ticket() {
        return ticket.clone();
    }

    /** The resumption PSK (RFC 8446 §4.6.1: HKDF-Expand-Label(resumption_master_secret, "resumption", nonce)). */
    public byte[] psk() {
        return psk.clone();
    }

    /** The suite of the session that issued it; a resumption must use one with the same hash. */
    public int cipherSuite() {
        return cipherSuite;
    }

    public long lifetimeSeconds() {
        return lifetimeSeconds;
    }

    public long ageAdd() {
        return ageAdd;
    }

    public long issuedMillis() {
        return issuedMillis;
    }

    /** max_early_data_size from the ticket's early_data extension; 0 when it allows none. */
    public long maxEarlyData() {
        return maxEarlyData;
    }

    /** The ALPN protocol of the original session, which 0-RTT data is sent for (§4.2.10); null when none. */
    public String applicationProtocol() {
        return applicationProtocol;
    }

    /** The SNI name of the original session; null when none. */
    public String serverName() {
        return serverName;
    }

    public List<X509Certificate> peerCertificates() {
        return peerCertificates;
    }

    public List<X509Certificate> localCertificates() {
        return localCertificates;
    }

    /** Whether the server still accepts it at {@code nowMillis} by ticket_lifetime (at most 7 days). */
    public boolean isValidAt(long nowMillis) {
        long age = nowMillis - issuedMillis;
        return age >= 0 && age < lifetimeSeconds * 1000;
    }

    /** The obfuscated_ticket_age to send at {@code nowMillis} (§4.2.11.1): age in ms plus age_add, mod 2^32. */
    public long obfuscatedAge(long nowMillis) {
        return (nowMillis - issuedMillis + ageAdd) & 0xFFFFFFFFL;
    }

    @Override
    public String toString() {
        return "ResumptionTicket{" + ticket.length + " bytes, " + CipherSuite.name(cipherSuite)
                + ", lifetime=" + lifetimeSeconds + "s, max_early_data=" + maxEarlyData + "}";
    }
}
