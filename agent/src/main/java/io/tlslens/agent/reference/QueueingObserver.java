package io.tlslens.agent.reference;

import io.tlslens.agent.AgentLog;
import io.tlslens.agent.record.EventQueue;
import io.tlslens.agent.record.QueuedEvent;
import io.tlslens.observe.Decision;
import io.tlslens.observe.HandshakeObserver;
import io.tlslens.observe.Negotiated;
import io.tlslens.wire.Alert;
import io.tlslens.wire.HandshakeMessage;

/**
 * A reference-stack connection's observer, on the thread that drives the connection: each report
 * is timestamped and queued, nothing else, and never blocks (a full queue drops and counts). No
 * report can fail the handshake: each catches whatever goes wrong.
 */
final class QueueingObserver implements HandshakeObserver {

    private final ReferenceRecorder recorder;
    private final ReferenceConnection connection;
    private final EventQueue<QueuedEvent> queue;

    QueueingObserver(ReferenceRecorder recorder, ReferenceConnection connection, EventQueue<QueuedEvent> queue) {
        this.recorder = recorder;
        this.connection = connection;
        this.queue = queue;
    }

    @Override
    public void messageSent(HandshakeMessage message) {
        offer(ObservedEvent.Kind.MESSAGE_SENT, message);
    }

    @Override
    public void messageReceived(HandshakeMessage message) {
        offer(ObservedEvent.Kind.MESSAGE_RECEIVED, message);
    }

    @Override
    public void changeCipherSpecSent() {
        offer(ObservedEvent.Kind.CHANGE_CIPHER_SPEC_SENT, null);
    }

    @Override
    public void changeCipherSpecReceived() {
        offer(ObservedEvent.Kind.CHANGE_CIPHER_SPEC_RECEIVED, null);
    }

    @Override
    public void alertSent(Alert alert) {
        offer(ObservedEvent.Kind.ALERT_SENT, alert);
    }

    @Override
    public void alertReceived(Alert alert) {
        offer(ObservedEvent.Kind.ALERT_RECEIVED, alert);
    }

    @Override
    public void decision(Decision decision) {
        offer(ObservedEvent.Kind.DECISION, decision);
    }

    @Override
    public void peerCertificatesChecked(long nanos) {
        offer(ObservedEvent.Kind.CERTIFICATES_CHECKED, nanos);
    }

    @Override
    public void localCredentialsChosen(long nanos) {
        offer(ObservedEvent.Kind.KEY_SELECTED, nanos);
    }

    @Override
    public void established(Negotiated negotiated) {
        offer(ObservedEvent.Kind.ESTABLISHED, negotiated);
    }

    @Override
    public void failed(Exception cause) {
        offer(ObservedEvent.Kind.FAILED, cause);
    }

    private void offer(ObservedEvent.Kind kind, Object payload) {
        try {
            queue.offer(new ObservedEvent(recorder, connection, kind, System.nanoTime(), payload));
        } catch (Throwable t) {
            AgentLog.warnOnce("observer " + kind, "TLSLens failed to record a reference-stack " + kind
                    + " and skipped it: " + t);
        }
    }
}
