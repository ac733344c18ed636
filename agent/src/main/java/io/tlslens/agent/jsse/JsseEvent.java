package io.tlslens.agent.jsse;

import io.tlslens.agent.record.HandshakeRecord;
import io.tlslens.agent.record.QueuedEvent;
import java.util.function.Consumer;

/**
 * What a hook saw, copied on the handshake thread and queued for the recorder. Holds the JDK's
 * connection objects only until the recorder has read what it needs from them.
 */
final class JsseEvent implements QueuedEvent {

    enum Kind { CONNECTION_CREATED, RECEIVED, SENT, CERTIFICATES_CHECKED, KEY_SELECTED, FINISHED, FATAL, ABORTED }

    private final JsseRecorder recorder;
    final Kind kind;
    final long nanoTime;
    /** The {@code TransportContext}, or for {@link Kind#SENT} the {@code OutputRecord}. */
    final Object connection;
    /** {@link Kind#CONNECTION_CREATED}: the connection's {@code OutputRecord}. */
    final Object outputRecord;
    final int contentType;
    final byte[] bytes;
    final int length;
    /** {@link Kind#FATAL}: the {@code sun.security.ssl.Alert}. */
    final Object alert;
    final String diagnostic;
    final boolean fromPeer;
    final Throwable cause;
    /**
     * {@link Kind#CERTIFICATES_CHECKED}, {@link Kind#KEY_SELECTED}: when the trust or key manager was
     * called; {@link Kind#FATAL}: when the check the failure interrupted began, or 0.
     */
    final long startNanos;

    private JsseEvent(JsseRecorder recorder, Kind kind, long nanoTime, Object connection, Object outputRecord,
                      int contentType, byte[] bytes, int length, Object alert, String diagnostic, boolean fromPeer,
                      Throwable cause, long startNanos) {
        this.recorder = recorder;
        this.kind = kind;
        this.nanoTime = nanoTime;
        this.connection = connection;
        this.outputRecord = outputRecord;
        this.contentType = contentType;
        this.bytes = bytes;
        this.length = length;
        this.alert = alert;
        this.diagnostic = diagnostic;
        this.fromPeer = fromPeer;
        this.cause = cause;
        this.startNanos = startNanos;
    }

    static JsseEvent connectionCreated(JsseRecorder recorder, long nanoTime, Object transportContext,
                                       Object outputRecord) {
        return new JsseEvent(recorder, Kind.CONNECTION_CREATED, nanoTime, transportContext, outputRecord, -1, null,
                0, null, null, false, null, 0L);
    }

    static JsseEvent message(JsseRecorder recorder, Kind kind, long nanoTime, Object connection, int contentType,
                             byte[] bytes, int length) {
        return new JsseEvent(recorder, kind, nanoTime, connection, null, contentType, bytes, length, null, null,
                false, null, 0L);
    }

    /**
     * {@link Kind#CERTIFICATES_CHECKED} (the trust manager) or {@link Kind#KEY_SELECTED} (the key
     * manager) worked from {@code startNanos} until {@code nanoTime}.
     */
    static JsseEvent timed(JsseRecorder recorder, Kind kind, long nanoTime, Object transportContext,
                           long startNanos) {
        return new JsseEvent(recorder, kind, nanoTime, transportContext, null, -1, null, 0, null, null, false, null,
                startNanos);
    }

    static JsseEvent finished(JsseRecorder recorder, long nanoTime, Object transportContext) {
        return new JsseEvent(recorder, Kind.FINISHED, nanoTime, transportContext, null, -1, null, 0, null, null,
                false, null, 0L);
    }

    /** @param checkStartNanos when the failing check of the peer's chain began, if the failure came inside one; else 0 */
    static JsseEvent fatal(JsseRecorder recorder, long nanoTime, Object transportContext, Object alert,
                           String diagnostic, boolean fromPeer, Throwable cause, long checkStartNanos) {
        return new JsseEvent(recorder, Kind.FATAL, nanoTime, transportContext, null, -1, null, 0, alert, diagnostic,
                fromPeer, cause, checkStartNanos);
    }

    static JsseEvent aborted(JsseRecorder recorder, long nanoTime, Object transportContext, Throwable thrown) {
        return new JsseEvent(recorder, Kind.ABORTED, nanoTime, transportContext, null, -1, null, 0, null,
                thrown.getMessage(), false, thrown, 0L);
    }

    @Override
    public void record(Consumer<HandshakeRecord> sink) {
        recorder.handle(this, sink);
    }
}
