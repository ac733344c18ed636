package io.tlslens.agent.jsse;

import io.tlslens.agent.AgentLog;
import io.tlslens.agent.AgentThread;
import io.tlslens.agent.bootstrap.JsseTap;
import io.tlslens.agent.record.EventQueue;
import io.tlslens.agent.record.RecordedMessage;
import java.nio.ByteBuffer;

/**
 * The hooks' listener, on the application's handshake thread: a bounded copy and an enqueue,
 * nothing else. Decoding and export happen on the recorder thread.
 */
final class RecordingJsseTap implements JsseTap {

    private final JsseInternals internals;
    private final EventQueue<JsseEvent> queue;
    private final int maxMessageBytes;

    RecordingJsseTap(JsseInternals internals, EventQueue<JsseEvent> queue, int maxMessageBytes) {
        this.internals = internals;
        this.queue = queue;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void connectionCreated(Object transportContext, Object outputRecord) {
        if (AgentThread.isCurrent()) {
            return; // TLSLens's own export; the rest of this connection's events are skipped with it
        }
        queue.offer(JsseEvent.connectionCreated(System.nanoTime(), transportContext, outputRecord));
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
            queue.offer(JsseEvent.message(JsseEvent.Kind.RECEIVED, now, transportContext, contentType, copy, length));
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
            queue.offer(JsseEvent.message(JsseEvent.Kind.SENT, now, outputRecord, RecordedMessage.HANDSHAKE, copy,
                    length));
        } catch (Throwable t) {
            failed("sentHandshake", t);
        }
    }

    @Override
    public void sentAlert(Object outputRecord, byte level, byte description) {
        queue.offer(JsseEvent.message(JsseEvent.Kind.SENT, System.nanoTime(), outputRecord, RecordedMessage.ALERT,
                new byte[] {level, description}, 2));
    }

    @Override
    public void sentChangeCipherSpec(Object outputRecord) {
        queue.offer(JsseEvent.message(JsseEvent.Kind.SENT, System.nanoTime(), outputRecord,
                RecordedMessage.CHANGE_CIPHER_SPEC, new byte[] {1}, 1));
    }

    @Override
    public void finished(Object transportContext) {
        queue.offer(JsseEvent.finished(System.nanoTime(), transportContext));
    }

    @Override
    public void fatal(Object transportContext, Object alert, String diagnostic, boolean receivedFromPeer,
                      Throwable cause) {
        queue.offer(JsseEvent.fatal(System.nanoTime(), transportContext, alert, diagnostic, receivedFromPeer, cause));
    }

    @Override
    public void handshakeAborted(Object transportContext, Throwable thrown) {
        queue.offer(JsseEvent.aborted(System.nanoTime(), transportContext, thrown));
    }

    private static void failed(String hook, Throwable t) {
        AgentLog.warnOnce("tap " + hook, "TLSLens failed in hook " + hook + " and skipped it: " + t);
    }
}
