package io.tlslens.wire;

import java.util.Objects;

/**
 * A TLS record (RFC 8446 §5.1, RFC 5246 §6.2): content type, legacy record version and fragment.
 * The fragment is whatever the record carries: plaintext before keys are in use, ciphertext after.
 */
public final class TlsRecord {
    public static final int HEADER_LENGTH = 5;
    /** The largest TLSCiphertext fragment TLS 1.2 allows (RFC 5246 §6.2.3), which bounds TLS 1.3's too. */
    public static final int MAX_FRAGMENT_LENGTH = (1 << 14) + 2048;

    private final int contentType;
    private final int legacyVersion;
    private final byte[] fragment;

    public TlsRecord(int contentType, int legacyVersion, byte[] fragment) {
        if (fragment.length > MAX_FRAGMENT_LENGTH) {
            throw new IllegalArgumentException("fragment of " + fragment.length + " bytes");
        }
        this.contentType = contentType;
        this.legacyVersion = legacyVersion;
        this.fragment = fragment.clone();
    }

    /**
     * Decodes the record at the start of {@code buf[offset..offset+length)}: null when those bytes
     * are only a prefix of a record (read more, then call again). Fails as soon as the bytes cannot
     * start a TLS record, even before the whole header has arrived, so that a peer speaking another
     * protocol is recognised at once.
     */
    public static TlsRecord decode(byte[] buf, int offset, int length) throws DecodeException {
        Objects.checkFromIndexSize(offset, length, buf.length);
        WireReader r = new WireReader(buf, offset, length);
        if (!r.hasRemaining()) {
            return null;
        }
        int contentType = r.u8("content_type");
        if (!ContentType.isKnown(contentType)) {
            throw new DecodeException("content_type: " + contentType + " is not a TLS record type (not TLS?)", offset);
        }
        if (!r.hasRemaining()) {
            return null;
        }
        // Every TLS and SSL 3.0 record version has major version 3 (RFC 8446 §5.1, RFC 5246 §6.2.1).
        if (r.u8("legacy_record_version") != 3) {
            throw new DecodeException("legacy_record_version: major version is not 3 (not TLS?)", offset + 1);
        }
        if (r.remaining() < 3) {
            return null;
        }
        int minor = r.u8("legacy_record_version");
        int fragmentLength = r.u16("length");
        if (fragmentLength > MAX_FRAGMENT_LENGTH) {
            throw new DecodeException("length: " + fragmentLength + " exceeds 2^14+2048", offset + 3);
        }
        if (r.remaining() < fragmentLength) {
            return null;
        }
        return new TlsRecord(contentType, 0x0300 | minor, r.bytes(fragmentLength, "fragment"));
    }

    /** Decodes a whole array that holds exactly one record. */
    public static TlsRecord decode(byte[] record) throws DecodeException {
        TlsRecord decoded = decode(record, 0, record.length);
        if (decoded == null) {
            throw new DecodeException("record is truncated", record.length);
        }
        if (decoded.encodedLength() != record.length) {
            throw new DecodeException((record.length - decoded.encodedLength()) + " bytes after the record", decoded.encodedLength());
        }
        return decoded;
    }

    public int contentType() {
        return contentType;
    }

    public int legacyVersion() {
        return legacyVersion;
    }

    public byte[] fragment() {
        return fragment.clone();
    }

    /** Header plus fragment: how many input bytes {@link #decode(byte[], int, int)} consumed. */
    public int encodedLength() {
        return HEADER_LENGTH + fragment.length;
    }

    public byte[] encode() {
        return new WireWriter().u8(contentType).u16(legacyVersion).opaque(2, fragment).toByteArray();
    }

    @Override
    public String toString() {
        return "TlsRecord{" + ContentType.name(contentType) + ", " + ProtocolVersion.name(legacyVersion)
                + ", " + fragment.length + " bytes}";
    }
}
