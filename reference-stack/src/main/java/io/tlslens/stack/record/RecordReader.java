package io.tlslens.stack.record;

import io.tlslens.stack.TlsAlertException;
import io.tlslens.stack.tls13.RecordProtection;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.ContentType;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * The receiving half of the record layer (RFC 8446 §5): cuts one record off the input, checks its
 * framing and length, and removes the protection of the current read epoch.
 *
 * <p>A ChangeCipherSpec record is passed up as it came, whatever the epoch: whether it is allowed
 * depends on the handshake (§5: only between the first ClientHello and the peer's Finished).
 */
public final class RecordReader {
    private final ReceivedPlaintext received;
    private RecordProtection protection;
    /** Counts read key changes, so the connection can check that none fell inside a handshake message. */
    private int epoch;
    /** Our record_size_limit once the peer knows it: the most inner plaintext we take, content type included. */
    private int limit = RecordWriter.MAX_PLAINTEXT + 1;
    /** Bytes of undecryptable records still to skip: rejected 0-RTT data (§4.2.10). */
    private long skipBudget;
    /** The read epoch's protection afresh, for trial decryption. */
    private Supplier<RecordProtection> freshProtection;
    /** Skip application_data records sent in the clear epoch: early data after a HelloRetryRequest (§4.2.10). */
    private boolean skipClearApplicationData;

    /** A reader that opens records into the arrays {@code received} lends (see {@link ReceivedPlaintext#openingBuffer}). */
    public RecordReader(ReceivedPlaintext received) {
        this.received = received;
    }

    /** Switches the read epoch. Null is plaintext. */
    public void protect(RecordProtection newProtection) {
        this.protection = newProtection;
        this.skipBudget = 0;
        this.epoch++;
    }

    public int epoch() {
        return epoch;
    }

    /** Enforces our record_size_limit (RFC 8449 §4) on the records read from now on. */
    public void recordSizeLimit(int ourLimit) {
        this.limit = ourLimit;
    }

    /**
     * The server rejected the client's early data: records that do not decrypt under the epoch
     * {@code fresh} makes are dropped, up to {@code maxEarlyData} bytes of ciphertext (§4.2.10),
     * until one decrypts.
     */
    public void skipUndecryptable(long maxEarlyData, Supplier<RecordProtection> fresh) {
        this.skipBudget = maxEarlyData;
        this.freshProtection = fresh;
        this.protection = fresh.get();
    }

    /** After a HelloRetryRequest, the client's early data arrives as application_data records in the clear epoch. */
    public void skipClearApplicationData(boolean skip) {
        this.skipClearApplicationData = skip;
    }

    /**
     * Reads the record at the head of {@code src}: null, consuming nothing, when {@code src} holds
     * less than a whole record.
     */
    public InboundRecord read(ByteBuffer src) throws TlsAlertException {
        FramedRecord record = RecordFraming.cut(src, RecordProtection.MAX_CIPHERTEXT_LENGTH, "2^14+256");
        if (record == null) {
            return null;
        }
        int type = record.contentType();
        if (type == ContentType.change_cipher_spec) {
            return new InboundRecord(type, ByteBuffer.wrap(record.fragmentBytes()));
        }
        if (protection == null) {
            return clear(record);
        }
        if (type == ContentType.alert && protection.sequenceNumber() == 0) {
            // a peer that failed before it had keys (a client refusing the ServerHello) alerts in
            // the clear; nothing protected has arrived in this epoch yet, so the alert is the first
            return clear(record);
        }
        if (type != ContentType.application_data) {
            throw new TlsAlertException(AlertDescription.unexpected_message,
                    ContentType.name(type) + " record in a protected epoch");
        }
        return open(record);
    }

    private InboundRecord clear(FramedRecord record) throws TlsAlertException {
        int type = record.contentType();
        int length = record.fragmentLength();
        if (type == ContentType.application_data) {
            if (skipClearApplicationData) {
                return InboundRecord.SKIPPED;
            }
            throw new TlsAlertException(AlertDescription.unexpected_message, "application_data before keys were agreed");
        }
        if (length > Math.min(RecordWriter.MAX_PLAINTEXT, limit)) {
            throw new TlsAlertException(AlertDescription.record_overflow,
                    "plaintext record of " + length + " bytes exceeds " + Math.min(RecordWriter.MAX_PLAINTEXT, limit));
        }
        if (length == 0) {
            throw new TlsAlertException(AlertDescription.unexpected_message, "empty " + ContentType.name(type) + " record");
        }
        return new InboundRecord(type, ByteBuffer.wrap(record.fragmentBytes()));
    }

    private InboundRecord open(FramedRecord record) throws TlsAlertException {
        RecordProtection.Plaintext opened;
        try {
            opened = protection.open(record.contentType(), record.legacyVersion(), record.fragment(),
                    received.openingBuffer(record.fragmentLength()));
        } catch (TlsAlertException e) {
            if (e.alertDescription() == AlertDescription.bad_record_mac && skipBudget >= record.fragmentLength()) {
                skipBudget -= record.fragmentLength();
                // a failed open still used up a sequence number; nothing has been opened in this
                // epoch yet, so the epoch restarts at 0
                protection = freshProtection.get();
                return InboundRecord.SKIPPED;
            }
            throw e;
        }
        skipBudget = 0;
        if (opened.contentType() == ContentType.change_cipher_spec) {
            throw new TlsAlertException(AlertDescription.unexpected_message, "protected change_cipher_spec record");
        }
        ByteBuffer content = opened.contentBuffer();
        if (content.remaining() + 1 > limit) {
            throw new TlsAlertException(AlertDescription.record_overflow,
                    "record of " + (content.remaining() + 1) + " bytes exceeds our record_size_limit " + limit);
        }
        if (!content.hasRemaining() && opened.contentType() != ContentType.application_data) {
            throw new TlsAlertException(AlertDescription.unexpected_message,
                    "empty " + ContentType.name(opened.contentType()) + " record");
        }
        return new InboundRecord(opened.contentType(), content);
    }
}
