package io.tlslens.agent.jsse;

import io.tlslens.agent.record.Direction;
import io.tlslens.agent.record.Failure;
import io.tlslens.agent.record.HandshakeRecord;
import io.tlslens.agent.record.HandshakeRecorder;
import io.tlslens.agent.record.Peer;
import io.tlslens.agent.record.Role;
import io.tlslens.agent.record.StackRecorder;
import java.lang.ref.WeakReference;
import java.net.InetAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The recorder thread's side of JSSE: keeps one {@link HandshakeRecorder} per live connection and
 * turns the hooks' events into records. Connections are held weakly, and an open handshake that
 * stops making progress (or whose connection is collected) is ended after a bound, so that no
 * state outlives its connection.
 */
final class JsseRecorder implements StackRecorder {

    private static final String STACK = "jsse";

    private final JsseInternals internals;
    private final long abandonAfterNanos;

    private final Map<Object, Connection> byContext = new WeakHashMap<>();
    private final Map<Object, Connection> byOutputRecord = new WeakHashMap<>();
    private final Set<Connection> openHandshakes = new LinkedHashSet<>();

    JsseRecorder(JsseInternals internals, Duration abandonAfter) {
        this.internals = internals;
        this.abandonAfterNanos = abandonAfter.toNanos();
    }

    void handle(JsseEvent event, Consumer<HandshakeRecord> sink) {
        switch (event.kind) {
            case CONNECTION_CREATED:
                Connection created = new Connection(event.connection);
                byContext.put(event.connection, created);
                byOutputRecord.put(event.outputRecord, created);
                return;
            case SENT:
                onMessage(byOutputRecord.get(event.connection), Direction.SENT, event, sink);
                return;
            case RECEIVED:
                onMessage(byContext.get(event.connection), Direction.RECEIVED, event, sink);
                return;
            case CERTIFICATES_CHECKED:
                Connection checked = byContext.get(event.connection);
                if (checked != null) {
                    checked.recorder.certificatesChecked(event.startNanos, event.nanoTime);
                }
                return;
            case KEY_SELECTED:
                Connection selecting = byContext.get(event.connection);
                if (selecting != null) {
                    selecting.recorder.keySelected(event.startNanos, event.nanoTime);
                }
                return;
            case FINISHED:
                onFinished(event, sink);
                return;
            case FATAL:
            case ABORTED:
                onFailed(event, sink);
                return;
            default:
                throw new IllegalStateException("unknown event " + event.kind);
        }
    }

    private void onMessage(Connection connection, Direction direction, JsseEvent event,
                           Consumer<HandshakeRecord> sink) {
        if (connection == null) {
            return; // created before TLSLens was installed: skipped, never half-recorded
        }
        HandshakeRecord post = connection.recorder.message(direction, event.nanoTime, event.contentType, event.bytes,
                event.length);
        track(connection);
        emit(post, sink);
    }

    private void onFinished(JsseEvent event, Consumer<HandshakeRecord> sink) {
        Connection connection = byContext.get(event.connection);
        if (connection == null) {
            return;
        }
        SSLSession session = internals.session(event.connection);
        HandshakeRecord record = connection.recorder.completed(event.nanoTime, peer(event.connection),
                peerCertificates(session), localCertificates(session));
        track(connection);
        emit(record, sink);
    }

    private void onFailed(JsseEvent event, Consumer<HandshakeRecord> sink) {
        Connection connection = byContext.get(event.connection);
        if (connection == null) {
            return;
        }
        Failure failure;
        if (event.kind == JsseEvent.Kind.FATAL) {
            failure = new Failure(event.fromPeer ? Failure.Origin.PEER_ALERT : Failure.Origin.LOCAL_ERROR,
                    internals.alertCode(event.alert), event.diagnostic, event.cause);
        } else {
            failure = new Failure(Failure.Origin.ABORTED, -1, event.diagnostic, event.cause);
        }
        if (event.startNanos != 0) {
            connection.recorder.certificatesChecked(event.startNanos, event.nanoTime); // the check that failed
        }
        Boolean clientMode = internals.clientMode(event.connection);
        Role localRole = clientMode == null ? null : clientMode ? Role.CLIENT : Role.SERVER;
        HandshakeRecord record = connection.recorder.failed(event.nanoTime, failure, peer(event.connection),
                localRole, List.of());
        track(connection);
        emit(record, sink);
    }

    @Override
    public void sweep(long now, Consumer<HandshakeRecord> sink) {
        for (Iterator<Connection> it = openHandshakes.iterator(); it.hasNext(); ) {
            Connection connection = it.next();
            Object context = connection.context.get();
            boolean collected = context == null;
            if (collected || connection.recorder.idleSince(now - abandonAfterNanos)) {
                String why = collected
                        ? "the application discarded the connection before the handshake completed"
                        : "no handshake progress for " + TimeUnit.NANOSECONDS.toSeconds(abandonAfterNanos)
                        + " s: the application abandoned the handshake";
                Peer peer = collected ? Peer.UNKNOWN : peer(context);
                emit(connection.recorder.failed(now, new Failure(Failure.Origin.ABANDONED, -1, why, null), peer,
                        null, List.of()), sink);
            }
            if (!connection.recorder.isOpen()) {
                it.remove();
            }
        }
    }

    private void track(Connection connection) {
        if (connection.recorder.isOpen()) {
            openHandshakes.add(connection);
        } else {
            openHandshakes.remove(connection);
        }
    }

    private static void emit(HandshakeRecord record, Consumer<HandshakeRecord> sink) {
        if (record != null) {
            sink.accept(record);
        }
    }

    private Peer peer(Object transportContext) {
        Object transport = internals.transport(transportContext);
        if (transport instanceof SSLSocket) {
            SSLSocket socket = (SSLSocket) transport;
            InetAddress address = socket.getInetAddress();
            return new Peer(internals.peerHost(transport), address == null ? null : address.getHostAddress(),
                    address == null ? -1 : socket.getPort(), socket.getLocalPort());
        }
        if (transport instanceof SSLEngine) {
            SSLEngine engine = (SSLEngine) transport;
            return new Peer(engine.getPeerHost(), null, engine.getPeerPort(), -1);
        }
        return Peer.UNKNOWN;
    }

    private static List<X509Certificate> peerCertificates(SSLSession session) {
        if (session == null) {
            return List.of();
        }
        try {
            return x509(session.getPeerCertificates());
        } catch (SSLPeerUnverifiedException e) {
            return List.of(); // the peer sent none (a client without a certificate)
        }
    }

    private static List<X509Certificate> localCertificates(SSLSession session) {
        return session == null ? List.of() : x509(session.getLocalCertificates());
    }

    private static List<X509Certificate> x509(Certificate[] chain) {
        if (chain == null) {
            return List.of();
        }
        List<X509Certificate> certificates = new ArrayList<>(chain.length);
        for (Certificate certificate : chain) {
            if (certificate instanceof X509Certificate) {
                certificates.add((X509Certificate) certificate);
            }
        }
        return certificates;
    }

    /** One JSSE connection, without a strong reference to any of its JDK objects. */
    private static final class Connection {
        final WeakReference<Object> context;
        final HandshakeRecorder recorder = new HandshakeRecorder(STACK);

        Connection(Object transportContext) {
            this.context = new WeakReference<>(transportContext);
        }
    }
}
