package io.tlslens.stack.tls13;

import io.tlslens.stack.TlsAlertException;
import io.tlslens.stack.crypto.Aead;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.ContentType;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.TlsRecord;
import java.nio.ByteBuffer;
import java.util.Arrays;
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
        /** Holds the decrypted TLSInnerPlaintext; the content is its first {@code contentLength} bytes. */
        private final byte[] inner;
        private final int contentLength;

        Plaintext(int contentType, byte[] inner, int contentLength) {
            this.contentType = contentType;
            this.inner = inner;
            this.contentLength = contentLength;
        }

        /** The real content type, see {@link ContentType}. */
        public int contentType() {
            return contentType;
        }

        public byte[] content() {
            return Arrays.copyOf(inner, contentLength);
        }

        /** The content without a copy, read-only: how application data is handed on. */
        public ByteBuffer contentBuffer() {
            return ByteBuffer.wrap(inner, 0, contentLength).asReadOnlyBuffer();
        }

        @Override
        public String toString() {
            return "Plaintext{" + ContentType.name(contentType) + ", " + contentLength + " bytes}";
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
        return seal(contentType, ByteBuffer.wrap(content), paddingLength);
    }

    /** {@link #seal(int, byte[], int)} of the remaining bytes of {@code content}, which it consumes. */
    public byte[] seal(int contentType, ByteBuffer content, int paddingLength) {
        byte[] record = new byte[sealedLength(content.remaining(), paddingLength)];
        seal(contentType, content, paddingLength, ByteBuffer.wrap(record));
        return record;
    }

    /**
     * {@link #seal(int, ByteBuffer, int)} straight into {@code out}, from its position on: the
     * content is copied once, to where the record is going, and encrypted there. {@code out}
     * advances past the record and must have room for it ({@link #sealedLength}).
     */
    public void seal(int contentType, ByteBuffer content, int paddingLength, ByteBuffer out) {
        int contentLength = content.remaining();
        int fragmentLength = sealedLength(contentLength, paddingLength) - TlsRecord.HEADER_LENGTH;
        byte[] nonce = nextNonce();
        byte[] header = header(ContentType.application_data, ProtocolVersion.TLSv1_2, fragmentLength);
        out.put(header);
        int innerStart = out.position();
        out.put(content).put((byte) contentType);
        if (paddingLength > 0) {
            out.put(new byte[paddingLength]);
        }
        ByteBuffer inner = out.duplicate();
        inner.position(innerStart).limit(out.position());
        ByteBuffer encrypted = out.duplicate();
        encrypted.position(innerStart);
        aead.seal(nonce, header, inner, encrypted);
        out.position(encrypted.position());
    }

    /**
     * The length of the whole record that carries {@code contentLength} bytes of content and
     * {@code paddingLength} of padding.
     *
     * @throws IllegalArgumentException if the inner plaintext would exceed 2^14 + 1 bytes
     */
    public int sealedLength(int contentLength, int paddingLength) {
        if (paddingLength < 0 || contentLength > MAX_PLAINTEXT_LENGTH
                || contentLength + 1 + paddingLength > MAX_INNER_PLAINTEXT_LENGTH) {
            throw new IllegalArgumentException("record of " + contentLength + " content bytes and "
                    + paddingLength + " padding bytes is too long");
        }
        return TlsRecord.HEADER_LENGTH + contentLength + 1 + paddingLength + aead.tagLength();
    }

    /**
     * Removes the protection of {@code record}, a TLSCiphertext.
     *
     * @throws TlsAlertException {@code unexpected_message} if the record is not application_data or
     *     its plaintext has no content type, {@code record_overflow} if the ciphertext or the
     *     plaintext is too long, {@code bad_record_mac} if authentication fails
     */
    public Plaintext open(TlsRecord record) throws TlsAlertException {
        return open(record.contentType(), record.legacyVersion(), ByteBuffer.wrap(record.fragment()));
    }

    /**
     * {@link #open(TlsRecord)} of the record with this header and the remaining bytes of
     * {@code fragment} (consumed), decrypted straight into the plaintext's own array.
     */
    public Plaintext open(int contentType, int legacyVersion, ByteBuffer fragment) throws TlsAlertException {
        return open(contentType, legacyVersion, fragment, new byte[Math.max(0, fragment.remaining() - aead.tagLength())]);
    }

    /**
     * {@link #open(int, int, ByteBuffer)} into {@code into}, which must hold the fragment less the
     * tag; the plaintext is a view of it.
     */
    public Plaintext open(int contentType, int legacyVersion, ByteBuffer fragment, byte[] into) throws TlsAlertException {
        if (contentType != ContentType.application_data) {
            throw new TlsAlertException(AlertDescription.unexpected_message,
                    "protected record of type " + ContentType.name(contentType));
        }
        int fragmentLength = fragment.remaining();
        if (fragmentLength > MAX_CIPHERTEXT_LENGTH) {
            throw new TlsAlertException(AlertDescription.record_overflow,
                    "protected record of " + fragmentLength + " bytes, more than 2^14+256");
        }
        int innerLength;
        try {
            innerLength = aead.open(nextNonce(), header(contentType, legacyVersion, fragmentLength), fragment, ByteBuffer.wrap(into));
        } catch (AEADBadTagException e) {
            throw new TlsAlertException(AlertDescription.bad_record_mac, "record authentication failed");
        }
        if (innerLength > MAX_INNER_PLAINTEXT_LENGTH) {
            throw new TlsAlertException(AlertDescription.record_overflow,
                    "plaintext of " + innerLength + " bytes, more than 2^14+1");
        }
        int end = innerLength;
        while (end > 0 && into[end - 1] == 0) {
            end--;
        }
        if (end == 0) {
            throw new TlsAlertException(AlertDescription.unexpected_message, "protected record without a content type");
        }
        return new Plaintext(into[end - 1] & 0xff, into, end - 1);
    }

    /**
     * How many records this protection has sealed or opened: what a connection watches to update
     * its keys before an AEAD's limit (RFC 8446 §5.5).
     */
    public long sequenceNumber() {
        return sequenceNumber;
    }

    /** The record header, which is the additional data too (§5.2). */
    private static byte[] header(int contentType, int legacyVersion, int length) {
        return new byte[] {(byte) contentType, (byte) (legacyVersion >>> 8), (byte) legacyVersion,
                (byte) (length >>> 8), (byte) length};
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
