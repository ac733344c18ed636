package io.tlslens.agent.record;

import java.util.function.Consumer;

/**
 * Something a stack reported on the application's handshake thread, queued for the recorder
 * thread. Each stack's events know the recorder that makes sense of them, so that SunJSSE and the
 * reference stack share one queue and one recorder thread.
 */
public interface QueuedEvent {

    /** On the recorder thread: records this event; the records it finishes go to {@code sink}. */
    void record(Consumer<HandshakeRecord> sink);
}
