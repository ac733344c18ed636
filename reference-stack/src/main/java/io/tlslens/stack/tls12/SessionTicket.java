package io.tlslens.stack.tls12;

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
 * A server's TLS 1.2 ticket (RFC 5077 §4 leaves the format to the server): the session's suite,
 * master secret, extended-master-secret flag, SNI name and client chain, as a {@link SealedTicket}.
 * A ticket that does not open is simply not resumed.
 */
final class SessionTicket {
    private static final int FORMAT = 1;
    /** Distinct from the TLS 1.3 tickets' additional data, so neither version opens the other's tickets. */
    private static final byte[] AAD = "tlslens tls12 ticket v1".getBytes(StandardCharsets.US_ASCII);

    private SessionTicket() {
    }

    static byte[] seal(TlsCrypto crypto, byte[] key, Tls12Session session) throws CertificateEncodingException {
        byte[] serverName = session.serverName() == null ? new byte[0] : session.serverName().getBytes(StandardCharsets.US_ASCII);
        WireWriter w = new WireWriter().u8(FORMAT).u16(session.cipherSuite()).opaque(1, session.masterSecret())
                .u8(session.extendedMasterSecret() ? 1 : 0).u32(session.creationMillis() >>> 32)
                .u32(session.creationMillis() & 0xFFFFFFFFL).u32(session.lifetimeSeconds()).opaque(1, serverName);
        SealedTicket.writeChain(w, session.peerCertificates());
        return SealedTicket.seal(crypto, key, AAD, w.toByteArray());
    }

    /** The session in {@code ticket}, presented with {@code sessionId}; empty when it was not sealed with {@code key} or is malformed. */
    static Optional<Tls12Session> open(TlsCrypto crypto, byte[] key, byte[] ticket, byte[] sessionId) {
        try {
            Optional<byte[]> fields = SealedTicket.open(crypto, key, AAD, ticket);
            if (fields.isEmpty()) {
                return Optional.empty();
            }
            WireReader r = new WireReader(fields.get());
            if (r.u8("format") != FORMAT) {
                return Optional.empty();
            }
            int suite = r.u16("cipher_suite");
            byte[] master = r.opaque(1, "master_secret");
            boolean ems = r.u8("extended_master_secret") == 1;
            long created = r.u32("created_high") << 32 | r.u32("created_low");
            long lifetime = r.u32("lifetime");
            byte[] serverName = r.opaque(1, "server_name");
            List<X509Certificate> chain = SealedTicket.readChain(r, "client_certificates");
            r.expectEnd();
            return Optional.of(new Tls12Session(suite, master, ems, sessionId, ticket, created, lifetime,
                    serverName.length == 0 ? null : new String(serverName, StandardCharsets.US_ASCII), chain, List.of()));
        } catch (DecodeException | CertificateException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
