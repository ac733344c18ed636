package io.tlslens.stack.tls12;

import io.tlslens.stack.TlsAlertException;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.ContentType;
import io.tlslens.wire.TlsRecord;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The receiving half of the TLS 1.2 record layer (RFC 5246 §6.2): cuts one record off the input,
 * checks its framing and length, and opens it once the peer's ChangeCipherSpec has switched the
 * read state. Unlike TLS 1.3, the outer content type is the real one, and every record after
 * the switch is protected, alerts and the Finished included.
 */
final class Tls12RecordReader {
    private Tls12RecordProtection protection;

    /** The peer's ChangeCipherSpec: records from now on are opened with {@code newProtection}. */
    void protect(Tls12RecordProtection newProtection) {
        this.protection = newProtection;
    }

    /** The record at the head of {@code src}, opened; null, consuming nothing, when less than a whole record is there. */
    TlsRecord read(ByteBuffer src) throws TlsAlertException {
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
        if (length > TlsRecord.MAX_FRAGMENT_LENGTH) {
            throw new TlsAlertException(AlertDescription.record_overflow, "record of " + length + " bytes exceeds 2^14+2048");
        }
        if (src.remaining() < TlsRecord.HEADER_LENGTH + length) {
            return null;
        }
        byte[] whole = new byte[TlsRecord.HEADER_LENGTH + length];
        src.get(whole);
        int type = whole[0] & 0xff;
        int version = (whole[1] & 0xff) << 8 | whole[2] & 0xff;
        byte[] fragment = Arrays.copyOfRange(whole, TlsRecord.HEADER_LENGTH, whole.length);
        byte[] content = protection == null ? clear(type, fragment) : protection.open(new TlsRecord(type, version, fragment));
        if (content.length == 0 && type != ContentType.application_data) {
            // RFC 5246 §6.2.1: only application data may come in empty fragments
            throw new TlsAlertException(AlertDescription.unexpected_message, "empty " + ContentType.name(type) + " record");
        }
        return new TlsRecord(type, version, content);
    }

    private static byte[] clear(int type, byte[] fragment) throws TlsAlertException {
        if (type == ContentType.application_data) {
            throw new TlsAlertException(AlertDescription.unexpected_message, "application_data before keys were agreed");
        }
        if (fragment.length > Tls12RecordProtection.MAX_PLAINTEXT) {
            throw new TlsAlertException(AlertDescription.record_overflow, "plaintext record of " + fragment.length + " bytes exceeds 2^14");
        }
        return fragment;
    }

    private static boolean isRecordType(int type) {
        return type == ContentType.change_cipher_spec || type == ContentType.alert
                || type == ContentType.handshake || type == ContentType.application_data;
    }
}
