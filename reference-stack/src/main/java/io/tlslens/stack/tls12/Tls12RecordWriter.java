package io.tlslens.stack.tls12;

import io.tlslens.wire.Alert;
import io.tlslens.wire.ChangeCipherSpec;
import io.tlslens.wire.ContentType;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.TlsRecord;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The sending half of the TLS 1.2 record layer (RFC 5246 §6.2): handshake messages of one flight
 * share records, each of at most 2^14 bytes of content, and everything after this side's
 * ChangeCipherSpec is protected.
 */
final class Tls12RecordWriter {
    /** The largest record: header, explicit nonce, 2^14 bytes and the tag of the suites we implement. */
    static final int MAX_RECORD_SIZE = TlsRecord.HEADER_LENGTH + 8 + Tls12RecordProtection.MAX_PLAINTEXT + 16;

    private final Deque<byte[]> queue = new ArrayDeque<>();
    private final ByteArrayOutputStream pendingHandshake = new ByteArrayOutputStream();
    private int queuedBytes;
    private Tls12RecordProtection protection;

    /** Queues a handshake message (with its header) to go out with the rest of its flight. */
    void handshake(byte[] message) {
        pendingHandshake.write(message, 0, message.length);
    }

    /** Cuts the handshake messages queued so far into records. */
    void flush() {
        byte[] stream = pendingHandshake.toByteArray();
        pendingHandshake.reset();
        for (int at = 0; at < stream.length; at += Tls12RecordProtection.MAX_PLAINTEXT) {
            record(ContentType.handshake, Arrays.copyOfRange(stream, at, Math.min(stream.length, at + Tls12RecordProtection.MAX_PLAINTEXT)));
        }
    }

    /** Sends ChangeCipherSpec under the current write state, then protects what follows with {@code next}. */
    void changeCipherSpec(Tls12RecordProtection next) {
        flush();
        record(ContentType.change_cipher_spec, ChangeCipherSpec.INSTANCE.encode());
        protection = next;
    }

    void alert(Alert alert) {
        flush();
        record(ContentType.alert, alert.encode());
    }

    /** Protects as much of {@code src} as fits one record and queues it; returns the bytes consumed. */
    int applicationData(ByteBuffer src) {
        flush();
        byte[] content = new byte[Math.min(src.remaining(), Tls12RecordProtection.MAX_PLAINTEXT)];
        src.get(content);
        record(ContentType.application_data, content);
        return content.length;
    }

    int pendingBytes() {
        return queuedBytes;
    }

    int nextRecordSize() {
        byte[] head = queue.peekFirst();
        return head == null ? 0 : head.length;
    }

    /** Moves as many whole queued records as fit into {@code dst}. */
    int take(ByteBuffer dst) {
        int moved = 0;
        while (!queue.isEmpty() && queue.peekFirst().length <= dst.remaining()) {
            byte[] record = queue.pollFirst();
            dst.put(record);
            queuedBytes -= record.length;
            moved += record.length;
        }
        return moved;
    }

    private void record(int contentType, byte[] content) {
        byte[] record = protection == null
                ? new TlsRecord(contentType, ProtocolVersion.TLSv1_2, content).encode()
                : protection.seal(contentType, content);
        queue.addLast(record);
        queuedBytes += record.length;
    }
}
