package io.tlslens.stack.tls12;

import io.tlslens.stack.TlsAlertException;
import io.tlslens.stack.crypto.Aead;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.TlsRecord;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;

/**
 * TLS 1.2 AEAD record protection for one direction (RFC 5246 §6.2.3.3): the additional data is
 * {@code seq_num + type + version + length} of the plaintext; the nonce is the suite's (RFC 5288
 * §3 for AES-GCM, whose explicit part is our sequence number, as RFC 5288 suggests; RFC 7905 §2
 * for ChaCha20-Poly1305). Not thread-safe.
 */
final class Tls12RecordProtection {
    /** RFC 5246 §6.2.3: TLSCompressed.length, and so the plaintext, is at most 2^14. */
    static final int MAX_PLAINTEXT = 1 << 14;

    private final Aead aead;
    private final byte[] iv;
    private final Tls12CipherSuite.Nonce nonceKind;
    private long sequenceNumber;

    Tls12RecordProtection(Aead aead, byte[] iv, Tls12CipherSuite.Nonce nonceKind) {
        this.aead = aead;
        this.iv = iv.clone();
        this.nonceKind = nonceKind;
    }

    /** Bytes a record grows by: the explicit nonce and the tag. */
    int expansion() {
        return nonceKind.explicitLength + aead.tagLength();
    }

    /** The whole record carrying {@code content} of {@code contentType}. */
    byte[] seal(int contentType, byte[] content) {
        return seal(contentType, ByteBuffer.wrap(content));
    }

    /** The whole record carrying the remaining bytes of {@code content}, which it consumes. */
    byte[] seal(int contentType, ByteBuffer content) {
        byte[] record = new byte[sealedLength(content.remaining())];
        seal(contentType, content, ByteBuffer.wrap(record));
        return record;
    }

    /**
     * {@link #seal(int, ByteBuffer)} straight into {@code out}, from its position on: the content
     * is copied once, to where the record is going, and encrypted there. {@code out} advances past
     * the record and must have room for it ({@link #sealedLength}).
     */
    void seal(int contentType, ByteBuffer content, ByteBuffer out) {
        int length = content.remaining();
        long seq = nextSequenceNumber();
        byte[] explicit = nonceKind.explicitLength == 0 ? new byte[0] : uint64(seq);
        int fragmentLength = sealedLength(length) - TlsRecord.HEADER_LENGTH;
        // byte by byte: the caller's buffer may be in either byte order
        out.put(new byte[] {(byte) contentType, (byte) (ProtocolVersion.TLSv1_2 >>> 8), (byte) ProtocolVersion.TLSv1_2,
                (byte) (fragmentLength >>> 8), (byte) fragmentLength}).put(explicit);
        ByteBuffer plaintext = out.duplicate();
        out.put(content);
        plaintext.limit(out.position());
        ByteBuffer encrypted = plaintext.duplicate();
        encrypted.limit(out.limit());
        aead.seal(nonce(seq, explicit), additionalData(seq, contentType, ProtocolVersion.TLSv1_2, length), plaintext, encrypted);
        out.position(encrypted.position());
    }

    /** The length of the whole record that carries {@code contentLength} bytes. */
    int sealedLength(int contentLength) {
        return TlsRecord.HEADER_LENGTH + expansion() + contentLength;
    }

    /** The content of a protected record; bad_record_mac when it does not open (RFC 5246 §7.2.2). */
    byte[] open(TlsRecord record) throws TlsAlertException {
        return open(record.contentType(), record.legacyVersion(), ByteBuffer.wrap(record.fragment()));
    }

    /**
     * {@link #open(TlsRecord)} of the record with this header and the remaining bytes of
     * {@code fragment} (consumed), decrypted straight into the returned array.
     */
    byte[] open(int contentType, int legacyVersion, ByteBuffer fragment) throws TlsAlertException {
        byte[] plaintext = new byte[Math.max(0, fragment.remaining() - expansion())];
        open(contentType, legacyVersion, fragment, plaintext);
        return plaintext;
    }

    /**
     * {@link #open(int, int, ByteBuffer)} into {@code into}, which must hold the fragment less its
     * nonce and tag; returns a view of the content there.
     */
    ByteBuffer open(int contentType, int legacyVersion, ByteBuffer fragment, byte[] into) throws TlsAlertException {
        int plaintextLength = fragment.remaining() - expansion();
        if (plaintextLength < 0) {
            throw new TlsAlertException(AlertDescription.bad_record_mac, "protected record of " + fragment.remaining()
                    + " bytes is shorter than its nonce and tag");
        }
        if (plaintextLength > MAX_PLAINTEXT) {
            throw new TlsAlertException(AlertDescription.record_overflow, "protected record carries " + plaintextLength + " bytes");
        }
        long seq = nextSequenceNumber();
        byte[] explicit = new byte[nonceKind.explicitLength];
        fragment.get(explicit);
        ByteBuffer plaintext = ByteBuffer.wrap(into, 0, plaintextLength);
        try {
            aead.open(nonce(seq, explicit), additionalData(seq, contentType, legacyVersion, plaintextLength),
                    fragment, plaintext.duplicate());
        } catch (AEADBadTagException e) {
            throw new TlsAlertException(AlertDescription.bad_record_mac, "record " + seq + " does not authenticate");
        }
        return plaintext;
    }

    private long nextSequenceNumber() {
        if (sequenceNumber == -1L) {
            // RFC 5246 §6.1: sequence numbers do not wrap; renegotiation, which we refuse, would be the way on
            throw new IllegalStateException("record sequence number space exhausted");
        }
        return sequenceNumber++;
    }

    private byte[] nonce(long seq, byte[] explicit) {
        if (nonceKind == Tls12CipherSuite.Nonce.GCM) {
            return Prf.concat(iv, explicit);
        }
        byte[] nonce = iv.clone();
        for (int i = 0; i < 8; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (seq >>> (8 * i));
        }
        return nonce;
    }

    private static byte[] additionalData(long seq, int contentType, int version, int length) {
        byte[] ad = Arrays.copyOf(uint64(seq), 13);
        ad[8] = (byte) contentType;
        ad[9] = (byte) (version >>> 8);
        ad[10] = (byte) version;
        ad[11] = (byte) (length >>> 8);
        ad[12] = (byte) length;
        return ad;
    }

    private static byte[] uint64(long value) {
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[7 - i] = (byte) (value >>> (8 * i));
        }
        return out;
    }
}
