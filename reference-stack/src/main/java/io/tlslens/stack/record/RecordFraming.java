package io.tlslens.stack.record;

import io.tlslens.stack.TlsAlertException;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.ContentType;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.TlsRecord;
import java.nio.ByteBuffer;

/**
 * The framing of a record, the same in TLS 1.2 and TLS 1.3 (RFC 5246 §6.2.1, RFC 8446 §5.1):
 * content type, legacy version, a length, then the fragment. What each version does with the
 * fragment is its reader's job.
 */
public final class RecordFraming {
    private RecordFraming() {
    }

    /**
     * The record at the head of {@code src}, its fragment left in {@code src}'s bytes (a
     * {@link FramedRecord} views it there); null, consuming nothing, when
     * less than a whole record is there. Input that is not TLS fails as soon as it shows: a content
     * type TLS does not have (unexpected_message), a major version other than 3 (decode_error).
     *
     * @param maxFragment the longest fragment the version allows (record_overflow beyond it)
     * @param maxFragmentName that length as the RFC writes it, for the alert's message
     */
    public static FramedRecord cut(ByteBuffer src, int maxFragment, String maxFragmentName) throws TlsAlertException {
        int start = src.position();
        if (src.remaining() >= 1 && !isRecordType(src.get(start) & 0xff)) {
            throw new TlsAlertException(AlertDescription.unexpected_message,
                    "record of content type " + (src.get(start) & 0xff) + " is not TLS");
        }
        if (src.remaining() >= 2 && src.get(start + 1) != 3) {
            throw new TlsAlertException(AlertDescription.decode_error, "record version major is not 3: not TLS");
        }
        if (src.remaining() < TlsRecord.HEADER_LENGTH) {
            return null;
        }
        int length = (src.get(start + 3) & 0xff) << 8 | src.get(start + 4) & 0xff;
        if (length > maxFragment) {
            throw new TlsAlertException(AlertDescription.record_overflow, "record of " + length + " bytes exceeds " + maxFragmentName);
        }
        if (src.remaining() < TlsRecord.HEADER_LENGTH + length) {
            return null;
        }
        ByteBuffer fragment = src.duplicate();
        fragment.position(start + TlsRecord.HEADER_LENGTH).limit(start + TlsRecord.HEADER_LENGTH + length);
        src.position(start + TlsRecord.HEADER_LENGTH + length);
        return new FramedRecord(src.get(start) & 0xff, (src.get(start + 1) & 0xff) << 8 | src.get(start + 2) & 0xff,
                fragment.slice());
    }

    /** The next record's worth of {@code src}, at most {@code maxContent} bytes; {@code src} is advanced past it. */
    public static ByteBuffer nextContent(ByteBuffer src, int maxContent) {
        ByteBuffer content = src.duplicate();
        content.limit(content.position() + Math.min(src.remaining(), maxContent));
        src.position(content.limit());
        return content;
    }

    /** A plaintext record (one before keys are in use, or the ChangeCipherSpec) carrying {@code content}, which it consumes. */
    public static byte[] encodePlaintext(int contentType, ByteBuffer content) {
        int length = content.remaining();
        byte[] record = new byte[TlsRecord.HEADER_LENGTH + length];
        record[0] = (byte) contentType;
        record[1] = (byte) (ProtocolVersion.TLSv1_2 >>> 8);
        record[2] = (byte) ProtocolVersion.TLSv1_2;
        record[3] = (byte) (length >>> 8);
        record[4] = (byte) length;
        content.get(record, TlsRecord.HEADER_LENGTH, length);
        return record;
    }

    private static boolean isRecordType(int type) {
        return type == ContentType.change_cipher_spec || type == ContentType.alert
                || type == ContentType.handshake || type == ContentType.application_data;
    }
}
