package io.tlslens.stack.record;

import io.tlslens.stack.tls13.RecordProtection;
import io.tlslens.wire.Alert;
import io.tlslens.wire.ChangeCipherSpec;
import io.tlslens.wire.ContentType;
import io.tlslens.wire.TlsRecord;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * The sending half of the record layer (RFC 8446 §5): turns handshake messages, alerts, the
 * middlebox-compatibility ChangeCipherSpec and application data into whole records, protected
 * under the current write epoch, and queues them for the peer.
 *
 * <p>Handshake messages are coalesced: consecutive messages of one epoch share records, and a
 * message longer than a record is fragmented (§5.1). They are cut into records when the epoch
 * changes or anything else is sent, so a flight leaves in as few records as the peer's
 * record_size_limit (RFC 8449) allows.
 */
public final class RecordWriter {
    /** TLSPlaintext.length and the content of a TLSInnerPlaintext are at most 2^14 (§5.1, §5.2). */
    public static final int MAX_PLAINTEXT = RecordProtection.MAX_PLAINTEXT_LENGTH;
    /** The AEAD tag of every TLS 1.3 suite. */
    private static final int TAG_LENGTH = 16;

    private final OutboundRecords outbound = new OutboundRecords();
    private final ByteArrayOutputStream pendingHandshake = new ByteArrayOutputStream();
    private final int padding;
    private RecordProtection protection;
    /** The peer's record_size_limit: the most a record's (inner) plaintext may hold, content type included. */
    private int peerLimit = MAX_PLAINTEXT + 1;

    /** @param padding pad protected records to a multiple of this many bytes (§5.4); 0 does not pad */
    public RecordWriter(int padding) {
        this.padding = padding;
    }

    /** Queues a handshake message (with its header) to go out with the rest of its flight. */
    public void handshake(byte[] message) {
        pendingHandshake.write(message, 0, message.length);
    }

    /** Cuts the handshake messages queued so far into records. */
    public void flush() {
        byte[] stream = pendingHandshake.toByteArray();
        pendingHandshake.reset();
        for (int at = 0; at < stream.length; at += maxContent()) {
            record(ContentType.handshake, ByteBuffer.wrap(stream, at, Math.min(stream.length - at, maxContent())));
        }
    }

    /** Switches the write epoch; what was queued before goes out under the old one. Null is plaintext. */
    public void protect(RecordProtection newProtection) {
        flush();
        this.protection = newProtection;
    }

    /** The dummy ChangeCipherSpec of middlebox compatibility mode (§D.4): always a plaintext record. */
    public void changeCipherSpec() {
        flush();
        outbound.add(RecordFraming.encodePlaintext(ContentType.change_cipher_spec,
                ByteBuffer.wrap(ChangeCipherSpec.INSTANCE.encode())));
    }

    public void alert(Alert alert) {
        flush();
        record(ContentType.alert, ByteBuffer.wrap(alert.encode()));
    }

    /**
     * Protects as much of {@code src} as fits one record and queues it; returns the bytes consumed.
     */
    public int applicationData(ByteBuffer src) {
        flush();
        ByteBuffer content = RecordFraming.nextContent(src, maxContent());
        int length = content.remaining();
        record(ContentType.application_data, content);
        return length;
    }

    /**
     * As {@link #applicationData(ByteBuffer)}, but the record goes straight into {@code dst} (which
     * must have {@link #maxRecordSize} bytes free) when no record waits before it: sealed where it
     * leaves, it is not copied again.
     */
    public int applicationData(ByteBuffer src, ByteBuffer dst) {
        flush();
        if (protection == null || outbound.pendingBytes() > 0) {
            return applicationData(src);
        }
        ByteBuffer content = RecordFraming.nextContent(src, maxContent());
        int length = content.remaining();
        protection.seal(ContentType.application_data, content, paddingFor(length), dst);
        return length;
    }

    /** Applies the peer's record_size_limit (RFC 8449 §4) to the records sent from now on. */
    public void peerRecordSizeLimit(int limit) {
        flush();
        this.peerLimit = limit;
    }

    /** The most content one record carries now. */
    private int maxContent() {
        return protection == null ? Math.min(MAX_PLAINTEXT, peerLimit) : Math.min(MAX_PLAINTEXT, peerLimit - 1);
    }

    /** The largest record {@link #applicationData} queues, header and expansion included. */
    public int maxRecordSize() {
        return TlsRecord.HEADER_LENGTH + Math.min(MAX_PLAINTEXT + 1, peerLimit) + TAG_LENGTH;
    }

    public int pendingBytes() {
        return outbound.pendingBytes();
    }

    public int nextRecordSize() {
        return outbound.nextRecordSize();
    }

    /** Moves as many whole queued records as fit into {@code dst}. */
    public int take(ByteBuffer dst) {
        return outbound.take(dst);
    }

    /** Queues the record carrying the remaining bytes of {@code content}. */
    private void record(int contentType, ByteBuffer content) {
        if (protection == null) {
            outbound.add(RecordFraming.encodePlaintext(contentType, content));
        } else {
            outbound.add(protection.seal(contentType, content, paddingFor(content.remaining())));
        }
    }

    /** Zero bytes that bring the inner plaintext to a multiple of {@code padding}, within the peer's limit. */
    private int paddingFor(int contentLength) {
        if (padding <= 1) {
            return 0;
        }
        int inner = contentLength + 1;
        int wanted = (padding - inner % padding) % padding;
        return Math.max(0, Math.min(wanted, Math.min(MAX_PLAINTEXT + 1, peerLimit) - inner));
    }
}
