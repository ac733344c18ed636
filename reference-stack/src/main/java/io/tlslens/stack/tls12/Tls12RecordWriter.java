package io.tlslens.stack.tls12;

import io.tlslens.stack.record.OutboundRecords;
import io.tlslens.stack.record.RecordFraming;
import io.tlslens.wire.Alert;
import io.tlslens.wire.ChangeCipherSpec;
import io.tlslens.wire.ContentType;
import io.tlslens.wire.TlsRecord;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * The sending half of the TLS 1.2 record layer (RFC 5246 §6.2): handshake messages of one flight
 * share records, each of at most 2^14 bytes of content, and everything after this side's
 * ChangeCipherSpec is protected.
 */
final class Tls12RecordWriter {
    /** The largest record: header, explicit nonce, 2^14 bytes and the tag of the suites we implement. */
    static final int MAX_RECORD_SIZE = TlsRecord.HEADER_LENGTH + 8 + Tls12RecordProtection.MAX_PLAINTEXT + 16;

    private final OutboundRecords outbound = new OutboundRecords();
    private final ByteArrayOutputStream pendingHandshake = new ByteArrayOutputStream();
    private Tls12RecordProtection protection;
    /** The most content a protected record may carry: 2^14, or less by the peer's record_size_limit (RFC 8449 §4). */
    private int maxProtectedContent = Tls12RecordProtection.MAX_PLAINTEXT;

    /** Queues a handshake message (with its header) to go out with the rest of its flight. */
    void handshake(byte[] message) {
        pendingHandshake.write(message, 0, message.length);
    }

    /** Cuts the handshake messages queued so far into records. */
    void flush() {
        byte[] stream = pendingHandshake.toByteArray();
        pendingHandshake.reset();
        for (int at = 0; at < stream.length; at += maxContent()) {
            record(ContentType.handshake, ByteBuffer.wrap(stream, at, Math.min(stream.length - at, maxContent())));
        }
    }

    /** Sends ChangeCipherSpec under the current write state, then protects what follows with {@code next}. */
    void changeCipherSpec(Tls12RecordProtection next) {
        flush();
        record(ContentType.change_cipher_spec, ByteBuffer.wrap(ChangeCipherSpec.INSTANCE.encode()));
        protection = next;
    }

    void alert(Alert alert) {
        flush();
        record(ContentType.alert, ByteBuffer.wrap(alert.encode()));
    }

    /** Protects as much of {@code src} as fits one record and queues it; returns the bytes consumed. */
    int applicationData(ByteBuffer src) {
        flush();
        ByteBuffer content = RecordFraming.nextContent(src, maxContent());
        int length = content.remaining();
        record(ContentType.application_data, content);
        return length;
    }

    /**
     * As {@link #applicationData(ByteBuffer)}, but the record goes straight into {@code dst} (which
     * must have {@link #MAX_RECORD_SIZE} bytes free) when no record waits before it: sealed where it
     * leaves, it is not copied again.
     */
    int applicationData(ByteBuffer src, ByteBuffer dst) {
        flush();
        if (protection == null || outbound.pendingBytes() > 0) {
            return applicationData(src);
        }
        ByteBuffer content = RecordFraming.nextContent(src, maxContent());
        int length = content.remaining();
        protection.seal(ContentType.application_data, content, dst);
        return length;
    }

    /** The peer's record_size_limit, which holds for protected records only (RFC 8449 §4). */
    void peerRecordSizeLimit(int limit) {
        flush();
        maxProtectedContent = Math.min(Tls12RecordProtection.MAX_PLAINTEXT, limit);
    }

    private int maxContent() {
        return protection == null ? Tls12RecordProtection.MAX_PLAINTEXT : maxProtectedContent;
    }

    int pendingBytes() {
        return outbound.pendingBytes();
    }

    int nextRecordSize() {
        return outbound.nextRecordSize();
    }

    /** Moves as many whole queued records as fit into {@code dst}. */
    int take(ByteBuffer dst) {
        return outbound.take(dst);
    }

    /** Queues the record carrying the remaining bytes of {@code content}. */
    private void record(int contentType, ByteBuffer content) {
        byte[] record = protection == null
                ? RecordFraming.encodePlaintext(contentType, content)
                : protection.seal(contentType, content);
        outbound.add(record);
    }
}
