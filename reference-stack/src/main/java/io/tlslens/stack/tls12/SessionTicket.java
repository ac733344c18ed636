package io.tlslens.stack.tls12;

import io.tlslens.stack.crypto.Aead;
import io.tlslens.stack.crypto.TlsCrypto;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.DecodeException;
import io.tlslens.wire.WireReader;
import io.tlslens.wire.WireWriter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.AEADBadTagException;

/**
 * A server's TLS 1.2 ticket (RFC 5077 §4 leaves the format to the server): the session's suite,
 * master secret, extended-master-secret flag, SNI name and client chain, sealed with AES-256-GCM
 * under the SessionStore's ticket key, so the server keeps nothing per session. A ticket that
 * does not open is simply not resumed.
 */
final class SessionTicket {
    private static final int FORMAT = 1;
    private static final int NONCE_LENGTH = 12;
    /** Distinct from the TLS 1.3 tickets' additional data, so neither version opens the other's tickets. */
    private static final byte[] AAD = "tlslens tls12 ticket v1".getBytes(StandardCharsets.US_ASCII);

    private SessionTicket() {
    }

    static byte[] seal(TlsCrypto crypto, byte[] key, Tls12Session session) throws CertificateEncodingException {
        byte[] serverName = session.serverName() == null ? new byte[0] : session.serverName().getBytes(StandardCharsets.US_ASCII);
        WireWriter w = new WireWriter().u8(FORMAT).u16(session.cipherSuite()).opaque(1, session.masterSecret())
                .u8(session.extendedMasterSecret() ? 1 : 0).u32(session.creationMillis() >>> 32)
                .u32(session.creationMillis() & 0xFFFFFFFFL).u32(session.lifetimeSeconds()).opaque(1, serverName);
        List<byte[]> chain = new ArrayList<>();
        for (X509Certificate c : session.peerCertificates()) {
            chain.add(c.getEncoded());
        }
        w.opaqueList(3, 3, chain);
        byte[] nonce = new byte[NONCE_LENGTH];
        crypto.random().nextBytes(nonce);
        return Prf.concat(nonce, aead(crypto, key).seal(nonce, AAD, w.toByteArray()));
    }

    /** The session in {@code ticket}, presented with {@code sessionId}; empty when it was not sealed with {@code key} or is malformed. */
    static Optional<Tls12Session> open(TlsCrypto crypto, byte[] key, byte[] ticket, byte[] sessionId) {
        if (ticket.length <= NONCE_LENGTH) {
            return Optional.empty();
        }
        try {
            byte[] plain = aead(crypto, key).open(Arrays.copyOf(ticket, NONCE_LENGTH), AAD,
                    Arrays.copyOfRange(ticket, NONCE_LENGTH, ticket.length));
            WireReader r = new WireReader(plain);
            if (r.u8("format") != FORMAT) {
                return Optional.empty();
            }
            int suite = r.u16("cipher_suite");
            byte[] master = r.opaque(1, "master_secret");
            boolean ems = r.u8("extended_master_secret") == 1;
            long created = r.u32("created_high") << 32 | r.u32("created_low");
            long lifetime = r.u32("lifetime");
            byte[] serverName = r.opaque(1, "server_name");
            List<X509Certificate> chain = new ArrayList<>();
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : r.opaqueList(3, 3, "client_certificates")) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
            r.expectEnd();
            return Optional.of(new Tls12Session(suite, master, ems, sessionId, ticket, created, lifetime,
                    serverName.length == 0 ? null : new String(serverName, StandardCharsets.US_ASCII), chain, List.of()));
        } catch (AEADBadTagException | DecodeException | CertificateException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Aead aead(TlsCrypto crypto, byte[] key) {
        return crypto.aead(CipherSuite.TLS_AES_256_GCM_SHA384, key);
    }
}
