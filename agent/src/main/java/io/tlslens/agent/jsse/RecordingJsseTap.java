package io.tlslens.agent.jsse;

import io.tlslens.agent.AgentLog;
import io.tlslens.agent.AgentThread;
import io.tlslens.agent.bootstrap.JsseTap;
import io.tlslens.agent.keylog.JsseKeyLabels;
import io.tlslens.agent.record.EventQueue;
import io.tlslens.agent.record.QueuedEvent;
import io.tlslens.agent.record.RecordedMessage;
import io.tlslens.stack.KeyLog;
import java.nio.ByteBuffer;
import javax.crypto.SecretKey;

/**
 * The hooks' listener, on the application's handshake thread: a bounded copy and an enqueue,
 * nothing else. Decoding and export happen on the recorder thread.
 */
final class RecordingJsseTap implements JsseTap {

    private final JsseInternals internals;
    private final JsseRecorder recorder;
    private final EventQueue<QueuedEvent> queue;
    private final int maxMessageBytes;
    /** {@code null} unless {@code keylog} is set. */
    private final KeyLog keyLog;
    /** When this thread's check of a peer's chain began; 0 when none is running. */
    private final ThreadLocal<long[]> checkingSince = ThreadLocal.withInitial(() -> new long[1]);

    RecordingJsseTap(JsseInternals internals, JsseRecorder recorder, EventQueue<QueuedEvent> queue,
                     int maxMessageBytes, KeyLog keyLog) {
        this.internals = internals;
        this.recorder = recorder;
        this.queue = queue;
        this.maxMessageBytes = maxMessageBytes;
        this.keyLog = keyLog;
    }

    @Override
    public void connectionCreated(Object transportContext, Object outputRecord) {
        if (AgentThread.isCurrent()) {
            return; // TLSLens's own export; the rest of this connection's events are skipped with it
        }
        queue.offer(JsseEvent.connectionCreated(recorder, System.nanoTime(), transportContext, outputRecord));
    }

    @Override
    public void received(Object transportContext, Object plaintext) {
        long now = System.nanoTime();
        try {
            int contentType = internals.contentType(plaintext);
            if (contentType < RecordedMessage.CHANGE_CIPHER_SPEC || contentType > RecordedMessage.HANDSHAKE) {
                return;
            }
            ByteBuffer fragment = internals.fragment(plaintext);
            if (fragment == null) {
                return;
            }
            // The fragment may be a slice of the application's own buffer: copy it now, without
            // moving its position.
            ByteBuffer view = fragment.duplicate();
            int length = view.remaining();
            byte[] copy = new byte[Math.min(length, maxMessageBytes)];
            view.get(copy);
            queue.offer(JsseEvent.message(recorder, JsseEvent.Kind.RECEIVED, now, transportContext, contentType, copy,
                    length));
        } catch (Throwable t) {
            failed("received", t);
        }
    }

    @Override
    public void sentHandshake(Object outputRecord, byte[] message, int offset, int length) {
        long now = System.nanoTime();
        try {
            byte[] copy = new byte[Math.min(length, maxMessageBytes)];
            System.arraycopy(message, offset, copy, 0, copy.length);
            queue.offer(JsseEvent.message(recorder, JsseEvent.Kind.SENT, now, outputRecord, RecordedMessage.HANDSHAKE,
                    copy, length));
        } catch (Throwable t) {
            failed("sentHandshake", t);
        }
    }

    @Override
    public void sentAlert(Object outputRecord, byte level, byte description) {
        queue.offer(JsseEvent.message(recorder, JsseEvent.Kind.SENT, System.nanoTime(), outputRecord,
                RecordedMessage.ALERT, new byte[] {level, description}, 2));
    }

    @Override
    public void sentChangeCipherSpec(Object outputRecord) {
        queue.offer(JsseEvent.message(recorder, JsseEvent.Kind.SENT, System.nanoTime(), outputRecord,
                RecordedMessage.CHANGE_CIPHER_SPEC, new byte[] {1}, 1));
    }

    @Override
    public void certificateCheckStarted(long startNanos) {
        checkingSince.get()[0] = startNanos;
    }

    @Override
    public void certificatesChecked(Object handshakeContext, long startNanos) {
        checkingSince.get()[0] = 0;
        timed(JsseEvent.Kind.CERTIFICATES_CHECKED, handshakeContext, startNanos);
    }

    @Override
    public void keySelected(Object handshakeContext, long startNanos) {
        timed(JsseEvent.Kind.KEY_SELECTED, handshakeContext, startNanos);
    }

    private void timed(JsseEvent.Kind kind, Object handshakeContext, long startNanos) {
        long now = System.nanoTime();
        try {
            queue.offer(JsseEvent.timed(recorder, kind, now, internals.connection(handshakeContext), startNanos));
        } catch (Throwable t) {
            failed(kind.name(), t);
        }
    }

    @Override
    public void finished(Object transportContext) {
        queue.offer(JsseEvent.finished(recorder, System.nanoTime(), transportContext));
        if (keyLog != null) {
            logExporterSecret(internals, keyLog, transportContext);
        }
    }

    @Override
    public void fatal(Object transportContext, Object alert, String diagnostic, boolean receivedFromPeer,
                      Throwable cause) {
        long[] check = checkingSince.get();
        long checkStartNanos = check[0];
        check[0] = 0;
        queue.offer(JsseEvent.fatal(recorder, System.nanoTime(), transportContext, alert, diagnostic, receivedFromPeer,
                cause, checkStartNanos));
    }

    @Override
    public void handshakeAborted(Object transportContext, Throwable thrown) {
        queue.offer(JsseEvent.aborted(recorder, System.nanoTime(), transportContext, thrown));
    }

    @Override
    public void trafficKeyDerivation(Object derivation, Object handshakeContext, SecretKey secret) {
        logTrafficSecret(internals, keyLog, derivation, handshakeContext, secret);
    }

    /** What is left listening once recording stops while the key log goes on (OpenTelemetry could not start). */
    JsseTap keyLogOnly() {
        return keyLog == null ? null : new KeyLogOnly(internals, keyLog);
    }

    /**
     * H7, on the handshake thread: takes the label, a copy of the client random and the secret's
     * bytes, and hands them to the key log's queue. Nothing is formatted or written here.
     */
    private static void logTrafficSecret(JsseInternals internals, KeyLog keyLog, Object derivation,
                                         Object handshakeContext, SecretKey secret) {
        if (keyLog == null || secret == null || AgentThread.isCurrent()) {
            return; // TLSLens's own connections (an https exporter) are not the application's traffic
        }
        try {
            String label = JsseKeyLabels.nssLabel(((Enum<?>) derivation).name(), secret.getAlgorithm());
            if (label == null) {
                return; // a KeyUpdate's next secret: Wireshark derives those itself
            }
            byte[] clientRandom = internals.clientRandom(handshakeContext);
            if (clientRandom == null) {
                AgentLog.warnOnce("keylog client random", "the key log skips secrets of a handshake whose "
                        + "ClientHello random TLSLens cannot read");
                return;
            }
            byte[] encoded = secret.getEncoded();
            if (encoded == null) {
                AgentLog.warnOnce("keylog not extractable", "the key log skips secrets that the JDK's provider "
                        + "does not let out (a PKCS#11 or FIPS provider): their connections cannot be decrypted");
                return;
            }
            keyLog.log(label, clientRandom, encoded);
        } catch (Throwable t) {
            failed("trafficKeyDerivation", t);
        }
    }

    /**
     * H5 with a key log: the TLS 1.3 exporter master secret, which only JDK 25+ derives (and
     * never passes to H7); read from the new session while the handshake context still is there.
     */
    private static void logExporterSecret(JsseInternals internals, KeyLog keyLog, Object transportContext) {
        if (AgentThread.isCurrent()) {
            return;
        }
        try {
            SecretKey exporter = internals.exporterMasterSecret(internals.session(transportContext));
            if (exporter == null) {
                return; // TLS 1.2, or a JDK that does not derive it
            }
            byte[] clientRandom = internals.clientRandom(internals.handshakeContext(transportContext));
            byte[] encoded = exporter.getEncoded();
            if (clientRandom != null && encoded != null) {
                keyLog.log(KeyLog.EXPORTER_SECRET, clientRandom, encoded);
            }
        } catch (Throwable t) {
            failed("finished (key log)", t);
        }
    }

    /** Only the key log's two hooks; the handshake hooks cost their advice's null check and nothing more. */
    private static final class KeyLogOnly implements JsseTap {
        private final JsseInternals internals;
        private final KeyLog keyLog;

        KeyLogOnly(JsseInternals internals, KeyLog keyLog) {
            this.internals = internals;
            this.keyLog = keyLog;
        }

        @Override
        public void connectionCreated(Object transportContext, Object outputRecord) {
        }

        @Override
        public void received(Object transportContext, Object plaintext) {
        }

        @Override
        public void sentHandshake(Object outputRecord, byte[] message, int offset, int length) {
        }

        @Override
        public void sentAlert(Object outputRecord, byte level, byte description) {
        }

        @Override
        public void sentChangeCipherSpec(Object outputRecord) {
        }

        @Override
        public void certificateCheckStarted(long startNanos) {
        }

        @Override
        public void certificatesChecked(Object handshakeContext, long startNanos) {
        }

        @Override
        public void keySelected(Object handshakeContext, long startNanos) {
        }

        @Override
        public void finished(Object transportContext) {
            logExporterSecret(internals, keyLog, transportContext);
        }

        @Override
        public void fatal(Object transportContext, Object alert, String diagnostic, boolean receivedFromPeer,
                          Throwable cause) {
        }

        @Override
        public void handshakeAborted(Object transportContext, Throwable thrown) {
        }

        @Override
        public void trafficKeyDerivation(Object derivation, Object handshakeContext, SecretKey secret) {
            logTrafficSecret(internals, keyLog, derivation, handshakeContext, secret);
        }
    }

    private static void failed(String hook, Throwable t) {
        AgentLog.warnOnce("tap " + hook, "TLSLens failed in hook " + hook + " and skipped it: " + t);
    }
}
