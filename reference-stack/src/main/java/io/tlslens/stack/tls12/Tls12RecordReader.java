package io.tlslens.stack.tls12;

import io.tlslens.stack.TlsAlertException;
import io.tlslens.stack.record.FramedRecord;
import io.tlslens.stack.record.InboundRecord;
import io.tlslens.stack.record.ReceivedPlaintext;
import io.tlslens.stack.record.RecordFraming;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.ContentType;
import io.tlslens.wire.TlsRecord;
import java.nio.ByteBuffer;

/**
 * The receiving half of the TLS 1.2 record layer (RFC 5246 §6.2): cuts one record off the input,
 * checks its framing and length, and opens it once the peer's ChangeCipherSpec has switched the
 * read state. Unlike TLS 1.3, the outer content type is the real one, and every record after
 * the switch is protected, alerts and the Finished included.
 */
final class Tls12RecordReader {
    private final ReceivedPlaintext received;
    private Tls12RecordProtection protection;
    /** Our record_size_limit once the peer knows it: the most content a protected record may carry (RFC 8449 §4). */
    private int limit = Tls12RecordProtection.MAX_PLAINTEXT;

    /** A reader that opens records into the arrays {@code received} lends (see {@link ReceivedPlaintext#openingBuffer}). */
    Tls12RecordReader(ReceivedPlaintext received) {
        this.received = received;
    }

    /** The peer's ChangeCipherSpec: records from now on are opened with {@code newProtection}. */
    void protect(Tls12RecordProtection newProtection) {
        this.protection = newProtection;
    }

    /** Enforces our record_size_limit on the protected records read from now on. */
    void recordSizeLimit(int ourLimit) {
        this.limit = ourLimit;
    }

    /** The record at the head of {@code src}, opened; null, consuming nothing, when less than a whole record is there. */
    InboundRecord read(ByteBuffer src) throws TlsAlertException {
        FramedRecord record = RecordFraming.cut(src, TlsRecord.MAX_FRAGMENT_LENGTH, "2^14+2048");
        if (record == null) {
            return null;
        }
        int type = record.contentType();
        ByteBuffer content = protection == null ? ByteBuffer.wrap(clear(record))
                : protection.open(type, record.legacyVersion(), record.fragment(), received.openingBuffer(record.fragmentLength()));
        if (protection != null && content.remaining() > limit) {
            throw new TlsAlertException(AlertDescription.record_overflow,
                    "record of " + content.remaining() + " bytes exceeds our record_size_limit " + limit);
        }
        if (!content.hasRemaining() && type != ContentType.application_data) {
            // RFC 5246 §6.2.1: only application data may come in empty fragments
            throw new TlsAlertException(AlertDescription.unexpected_message, "empty " + ContentType.name(type) + " record");
        }
        return new InboundRecord(type, content);
    }

    private static byte[] clear(FramedRecord record) throws TlsAlertException {
        if (record.contentType() == ContentType.application_data) {
            throw new TlsAlertException(AlertDescription.unexpected_message, "application_data before keys were agreed");
        }
        if (record.fragmentLength() > Tls12RecordProtection.MAX_PLAINTEXT) {
            throw new TlsAlertException(AlertDescription.record_overflow,
                    "plaintext record of " + record.fragmentLength() + " bytes exceeds 2^14");
        }
        return record.fragmentBytes();
    }
}
