package io.tlslens.agent.reference;

import io.tlslens.agent.record.Direction;
import io.tlslens.agent.record.Failure;
import io.tlslens.agent.record.HandshakeRecord;
import io.tlslens.agent.record.HandshakeRecorder;
import io.tlslens.agent.record.RecordedMessage;
import io.tlslens.agent.record.StackRecorder;
import io.tlslens.observe.Decision;
import io.tlslens.observe.Negotiated;
import io.tlslens.wire.Alert;
import io.tlslens.wire.HandshakeMessage;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The recorder thread's side of the reference stack: feeds what each connection reported into its
 * {@link HandshakeRecorder}, so that its handshakes become the same records as SunJSSE's, with
 * the stack's decisions besides. A handshake that stops making progress is ended after a bound.
 */
final class ReferenceRecorder implements StackRecorder {

    static final String STACK = "reference";

    private final long abandonAfterNanos;
    /** Connections with a handshake open; the stack's connection objects are never held. */
    private final Set<ReferenceConnection> openHandshakes = new LinkedHashSet<>();

    ReferenceRecorder(Duration abandonAfter) {
        this.abandonAfterNanos = abandonAfter.toNanos();
    }

    void handle(ObservedEvent event, Consumer<HandshakeRecord> sink) {
        ReferenceConnection connection = event.connection;
        HandshakeRecorder recorder = connection.recorder;
        long now = event.nanoTime;
        HandshakeRecord record;
        switch (event.kind) {
            case MESSAGE_SENT:
                record = recorder.message(
                        RecordedMessage.handshake(Direction.SENT, now, (HandshakeMessage) event.payload));
                break;
            case MESSAGE_RECEIVED:
                record = recorder.message(
                        RecordedMessage.handshake(Direction.RECEIVED, now, (HandshakeMessage) event.payload));
                break;
            case CHANGE_CIPHER_SPEC_SENT:
                record = recorder.message(RecordedMessage.changeCipherSpec(Direction.SENT, now));
                break;
            case CHANGE_CIPHER_SPEC_RECEIVED:
                record = recorder.message(RecordedMessage.changeCipherSpec(Direction.RECEIVED, now));
                break;
            case ALERT_SENT:
            case ALERT_RECEIVED:
                boolean fromPeer = event.kind == ObservedEvent.Kind.ALERT_RECEIVED;
                connection.alert((Alert) event.payload, fromPeer);
                record = recorder.message(RecordedMessage.alert(fromPeer ? Direction.RECEIVED : Direction.SENT, now,
                        (Alert) event.payload));
                break;
            case DECISION:
                recorder.decision(now, (Decision) event.payload);
                record = null;
                break;
            case CERTIFICATES_CHECKED:
                recorder.certificatesChecked(now - (Long) event.payload, now);
                record = null;
                break;
            case KEY_SELECTED:
                recorder.keySelected(now - (Long) event.payload, now);
                record = null;
                break;
            case ESTABLISHED:
                Negotiated negotiated = (Negotiated) event.payload;
                record = recorder.completed(now, connection.peer, negotiated.peerCertificates(),
                        negotiated.localCertificates());
                break;
            case FAILED:
                record = recorder.failed(now, connection.failure((Exception) event.payload), connection.peer,
                        connection.role, List.of());
                break;
            default:
                throw new IllegalStateException("unknown event " + event.kind);
        }
        if (recorder.isOpen()) {
            openHandshakes.add(connection);
        } else {
            openHandshakes.remove(connection);
        }
        if (record != null) {
            sink.accept(record);
        }
    }

    @Override
    public void sweep(long now, Consumer<HandshakeRecord> sink) {
        for (Iterator<ReferenceConnection> it = openHandshakes.iterator(); it.hasNext(); ) {
            ReferenceConnection connection = it.next();
            if (connection.recorder.idleSince(now - abandonAfterNanos)) {
                String why = "no handshake progress for " + TimeUnit.NANOSECONDS.toSeconds(abandonAfterNanos)
                        + " s: the application abandoned the handshake";
                HandshakeRecord record = connection.recorder.failed(now,
                        new Failure(Failure.Origin.ABANDONED, -1, why, null), connection.peer, connection.role,
                        List.of());
                if (record != null) {
                    sink.accept(record);
                }
            }
            if (!connection.recorder.isOpen()) {
                it.remove();
            }
        }
    }
}
