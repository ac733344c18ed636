package io.tlslens.stack.tls13;

import io.tlslens.stack.TlsAlertException;
import io.tlslens.stack.crypto.Aead;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.ContentType;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.TlsRecord;
import java.util.Objects;
import javax.crypto.AEADBadTagException;

/**
 * TLS 1.3 record protection (RFC 8446 §5.2–5.4) for one direction and one epoch: one AEAD key, one
 * IV and the 64-bit sequence number. {@link #seal} turns content into a complete TLSCiphertext
 * record; {@link #open} turns a TLSCiphertext back into its inner content type and content. Not
 * thread-safe: a connection seals and opens in order.
 */
public final class RecordProtection {
    /** RFC 8446 §5.1: a TLSPlaintext fragment carries at most 2^14 bytes. */
    public static final int MAX_PLAINTEXT_LENGTH = 1 << 14;
    /** RFC 8446 §5.2: TLSInnerPlaintext is at most 2^14 + 1 bytes (content, type, padding). */
    static final int MAX_INNER_PLAINTEXT_LENGTH = MAX_PLAINTEXT_LENGTH + 1;
    /** RFC 8446 §5.2: a TLSCiphertext fragment is at most 2^14 + 256 bytes. */
    public static final int MAX_CIPHERTEXT_LENGTH = MAX_PLAINTEXT_LENGTH + 256;

    private final Aead aead;
    private final byte[] iv;
    private long sequenceNumber;
    private boolean exhausted;

    /** Protection keyed from {@code secret} with its suite's AEAD. */
    public static RecordProtection of(TrafficSecret secret) {
        TrafficKeys keys = secret.keys();
        return new RecordProtection(secret.crypto().aead(secret.cipherSuite().code(), keys.key()), keys.iv());
    }

    public RecordProtection(Aead aead, byte[] iv) {
        this(aead, iv, 0);
    }

    /** Starts at {@code sequenceNumber} (unsigned): the tests reach the end of the sequence space with it. */
    RecordProtection(Aead aead, byte[] iv, long sequenceNumber) {
        this.aead = Objects.requireNonNull(aead, "aead");
        this.iv = iv.clone();
        this.sequenceNumber = sequenceNumber;
    }

    /** The result of {@link #open}: TLSInnerPlaintext without its padding. */
    public static final class Plaintext {
        private final int contentType;
        private final byte[] content;

        Plaintext(int contentType, byte[] content) {
            this.contentType = contentType;
            this.content = content;
        }

        /** The real content type, see {@link ContentType}. */
        public int contentType() {
            return contentType;
        }

        public byte[] content() {
            return content.clone();
        }

        @Override
        public String toString() {
            return "Plaintext{" + ContentType.name(contentType) + ", " + content.length + " bytes}";
        }
    }

    /**
     * Protects {@code content} of {@code contentType} followed by {@code paddingLength} zero bytes,
     * and returns the whole record: {@code application_data, 0x0303, length, encrypted_record}.
     *
     * @throws IllegalArgumentException if the inner plaintext would exceed 2^14 + 1 bytes
     * @throws IllegalStateException if the sequence number space is used up (the caller must have
     *     updated keys long before)
     */
    public byte[] seal(int contentType, byte[] content, int paddingLength) {
        if (paddingLength < 0 || content.length > MAX_PLAINTEXT_LENGTH
                || content.length + 1 + paddingLength > MAX_INNER_PLAINTEXT_LENGTH) {
            throw new IllegalArgumentException("record of " + content.length + " content bytes and "
                    + paddingLength + " padding bytes is too long");
        }
        byte[] inner = new byte[content.length + 1 + paddingLength];
        System.arraycopy(content, 0, inner, 0, content.length);
        inner[content.length] = (byte) contentType;
        byte[] header = header(inner.length + aead.tagLength());
        byte[] encrypted = aead.seal(nextNonce(), header, inner);
        byte[] record = new byte[header.length + encrypted.length];
        System.arraycopy(header, 0, record, 0, header.length);
        System.arraycopy(encrypted, 0, record, header.length, encrypted.length);
        return record;
    }

    /**
     * Removes the protection of {@code record}, a TLSCiphertext.
     *
     * @throws TlsAlertException {@code unexpected_message} if the record is not application_data or
     *     its plaintext has no content type, {@code record_overflow} if the ciphertext or the
     *     plaintext is too long, {@code bad_record_mac} if authentication fails
     */
    public Plaintext open(TlsRecord record) throws TlsAlertException {
        if (record.contentType() != ContentType.application_data) {
            throw new TlsAlertException(AlertDescription.unexpected_message,
                    "protected record of type " + ContentType.name(record.contentType()));
        }
        byte[] fragment = record.fragment();
        if (fragment.length > MAX_CIPHERTEXT_LENGTH) {
            throw new TlsAlertException(AlertDescription.record_overflow,
                    "protected record of " + fragment.length + " bytes, more than 2^14+256");
        }
        byte[] header = new byte[] {(byte) record.contentType(), (byte) (record.legacyVersion() >>> 8),
                (byte) record.legacyVersion(), (byte) (fragment.length >>> 8), (byte) fragment.length};
        byte[] inner;
        try {
            inner = aead.open(nextNonce(), header, fragment);
        } catch (AEADBadTagException e) {
            throw new TlsAlertException(AlertDescription.bad_record_mac, "record authentication failed");
        }
        if (inner.length > MAX_INNER_PLAINTEXT_LENGTH) {
            throw new TlsAlertException(AlertDescription.record_overflow,
                    "plaintext of " + inner.length + " bytes, more than 2^14+1");
        }
        int end = inner.length;
        while (end > 0 && inner[end - 1] == 0) {
            end--;
        }
        if (end == 0) {
            throw new TlsAlertException(AlertDescription.unexpected_message, "protected record without a content type");
        }
        byte[] content = new byte[end - 1];
        System.arraycopy(inner, 0, content, 0, content.length);
        return new Plaintext(inner[end - 1] & 0xff, content);
    }

    /**
     * How many records this protection has sealed or opened: what a connection watches to update
     * its keys before an AEAD's limit (RFC 8446 §5.5).
     */
    public long sequenceNumber() {
        return sequenceNumber;
    }

    private static byte[] header(int length) {
        return new byte[] {(byte) ContentType.application_data, (byte) (ProtocolVersion.TLSv1_2 >>> 8),
                (byte) ProtocolVersion.TLSv1_2, (byte) (length >>> 8), (byte) length};
    }

    /** RFC 8446 §5.3: the 64-bit sequence number, left-padded to iv_length, XORed with the IV. */
    private byte[] nextNonce() {
        if (exhausted) {
            throw new IllegalStateException("record sequence number space exhausted");
        }
        byte[] nonce = iv.clone();
        for (int i = 0; i < 8; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (sequenceNumber >>> (8 * i));
        }
        sequenceNumber++;
        exhausted = sequenceNumber == 0;
        return nonce;
    }
}
