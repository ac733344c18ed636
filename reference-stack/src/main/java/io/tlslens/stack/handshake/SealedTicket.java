package io.tlslens.stack.handshake;

import io.tlslens.stack.crypto.Aead;
import io.tlslens.stack.crypto.TlsCrypto;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.DecodeException;
import io.tlslens.wire.WireReader;
import io.tlslens.wire.WireWriter;
import java.io.ByteArrayInputStream;
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
 * How this server seals its own tickets, in TLS 1.2 (RFC 5077 §4) and TLS 1.3 (RFC 8446 §4.6.1),
 * both of which leave the format to the server: the version's fields sealed with AES-256-GCM under
 * the SessionStore's ticket key, a fresh nonce in front, so the server keeps nothing per session.
 * Each version passes its own additional data, so neither opens the other's tickets.
 */
public final class SealedTicket {
    private static final int NONCE_LENGTH = 12;

    private SealedTicket() {
    }

    /** The ticket as the client will present it: nonce, then the sealed {@code fields}. */
    public static byte[] seal(TlsCrypto crypto, byte[] key, byte[] additionalData, byte[] fields) {
        byte[] nonce = new byte[NONCE_LENGTH];
        crypto.random().nextBytes(nonce);
        byte[] sealed = aead(crypto, key).seal(nonce, additionalData, fields);
        byte[] ticket = Arrays.copyOf(nonce, NONCE_LENGTH + sealed.length);
        System.arraycopy(sealed, 0, ticket, NONCE_LENGTH, sealed.length);
        return ticket;
    }

    /** The fields sealed in {@code ticket}; empty when it was not sealed with {@code key} and {@code additionalData}. */
    public static Optional<byte[]> open(TlsCrypto crypto, byte[] key, byte[] additionalData, byte[] ticket) {
        if (ticket.length <= NONCE_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(aead(crypto, key).open(Arrays.copyOf(ticket, NONCE_LENGTH), additionalData,
                    Arrays.copyOfRange(ticket, NONCE_LENGTH, ticket.length)));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        }
    }

    /** A certificate chain as a ticket field: DER certificates, each and all with 3-byte lengths. */
    public static void writeChain(WireWriter w, List<X509Certificate> chain) throws CertificateEncodingException {
        List<byte[]> encoded = new ArrayList<>();
        for (X509Certificate c : chain) {
            encoded.add(c.getEncoded());
        }
        w.opaqueList(3, 3, encoded);
    }

    public static List<X509Certificate> readChain(WireReader r, String name) throws DecodeException, CertificateException {
        List<X509Certificate> chain = new ArrayList<>();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (byte[] der : r.opaqueList(3, 3, name)) {
            chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
        }
        return chain;
    }

    private static Aead aead(TlsCrypto crypto, byte[] key) {
        return crypto.aead(CipherSuite.TLS_AES_256_GCM_SHA384, key);
    }
}
