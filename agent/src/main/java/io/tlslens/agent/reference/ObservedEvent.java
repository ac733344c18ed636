package io.tlslens.agent.reference;

import io.tlslens.agent.record.HandshakeRecord;
import io.tlslens.agent.record.QueuedEvent;
import java.util.function.Consumer;

/**
 * What a reference-stack connection reported, with when, queued for the recorder. The payload is
 * the stack's own value: wire messages, alerts, decisions and {@code Negotiated} are immutable, so
 * holding them is as safe as a copy and costs the handshake thread nothing.
 */
final class ObservedEvent implements QueuedEvent {

    enum Kind {
        MESSAGE_SENT, MESSAGE_RECEIVED, CHANGE_CIPHER_SPEC_SENT, CHANGE_CIPHER_SPEC_RECEIVED, ALERT_SENT,
        ALERT_RECEIVED, DECISION, CERTIFICATES_CHECKED, KEY_SELECTED, ESTABLISHED, FAILED
    }

    private final ReferenceRecorder recorder;
    final ReferenceConnection connection;
    final Kind kind;
    final long nanoTime;
    /**
     * {@code HandshakeMessage}, {@code Alert}, {@code Decision}, {@code Negotiated}, the failure's
     * {@code Exception}, or for {@link Kind#CERTIFICATES_CHECKED} and {@link Kind#KEY_SELECTED} the
     * trust or key manager's time in nanoseconds.
     */
    final Object payload;

    ObservedEvent(ReferenceRecorder recorder, ReferenceConnection connection, Kind kind, long nanoTime,
                  Object payload) {
        this.recorder = recorder;
        this.connection = connection;
        this.kind = kind;
        this.nanoTime = nanoTime;
        this.payload = payload;
    }

    @Override
    public void record(Consumer<HandshakeRecord> sink) {
        recorder.handle(this, sink);
    }
}
