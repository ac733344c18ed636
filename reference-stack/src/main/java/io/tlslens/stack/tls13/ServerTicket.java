package io.tlslens.stack.tls13;

import io.tlslens.stack.crypto.TlsCrypto;
import io.tlslens.stack.handshake.SealedTicket;
import io.tlslens.wire.DecodeException;
import io.tlslens.wire.WireReader;
import io.tlslens.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * What a server puts in its own tickets (RFC 8446 §4.6.1 leaves the format to the server): the
 * resumption PSK and what the session agreed, as a {@link SealedTicket}. A ticket that does not
 * open is simply not resumed.
 */
final class ServerTicket {
    private static final int FORMAT = 1;
    private static final byte[] AAD = "tlslens ticket v1".getBytes(StandardCharsets.US_ASCII);

    final byte[] psk;
    final int cipherSuite;
    final long issuedMillis;
    final long lifetimeSeconds;
    final long ageAdd;
    final long maxEarlyData;
    /** Empty string when no ALPN protocol was agreed. */
    final String applicationProtocol;
    final List<X509Certificate> clientCertificates;

    ServerTicket(byte[] psk, int cipherSuite, long issuedMillis, long lifetimeSeconds, long ageAdd, long maxEarlyData,
            String applicationProtocol, List<X509Certificate> clientCertificates) {
        this.psk = psk.clone();
        this.cipherSuite = cipherSuite;
        this.issuedMillis = issuedMillis;
        this.lifetimeSeconds = lifetimeSeconds;
        this.ageAdd = ageAdd;
        this.maxEarlyData = maxEarlyData;
        this.applicationProtocol = applicationProtocol;
        this.clientCertificates = List.copyOf(clientCertificates);
    }

    /** The ticket as the client will present it: nonce, then the sealed fields. */
    byte[] seal(TlsCrypto crypto, byte[] key) throws CertificateEncodingException {
        WireWriter w = new WireWriter().u8(FORMAT).opaque(1, psk).u16(cipherSuite).u32(issuedMillis >>> 32)
                .u32(issuedMillis & 0xFFFFFFFFL).u32(lifetimeSeconds).u32(ageAdd).u32(maxEarlyData)
                .opaque(1, applicationProtocol.getBytes(StandardCharsets.UTF_8));
        SealedTicket.writeChain(w, clientCertificates);
        return SealedTicket.seal(crypto, key, AAD, w.toByteArray());
    }

    /** The ticket's fields; empty when it was not sealed with {@code key} or is malformed. */
    static Optional<ServerTicket> open(TlsCrypto crypto, byte[] key, byte[] ticket) {
        Optional<byte[]> fields = SealedTicket.open(crypto, key, AAD, ticket);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        try {
            WireReader r = new WireReader(fields.get());
            if (r.u8("format") != FORMAT) {
                return Optional.empty();
            }
            byte[] psk = r.opaque(1, "psk");
            int suite = r.u16("cipher_suite");
            long issued = r.u32("issued_high") << 32 | r.u32("issued_low");
            long lifetime = r.u32("lifetime");
            long ageAdd = r.u32("age_add");
            long maxEarlyData = r.u32("max_early_data");
            String alpn = new String(r.opaque(1, "alpn"), StandardCharsets.UTF_8);
            List<X509Certificate> chain = SealedTicket.readChain(r, "client_certificates");
            r.expectEnd();
            return Optional.of(new ServerTicket(psk, suite, issued, lifetime, ageAdd, maxEarlyData, alpn, chain));
        } catch (DecodeException | CertificateException e) {
            return Optional.empty();
        }
    }
}
