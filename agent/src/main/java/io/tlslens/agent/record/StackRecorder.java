package io.tlslens.agent.record;

import java.util.function.Consumer;

/** One stack's state on the recorder thread, beyond what its events carry. */
public interface StackRecorder {

    /**
     * Ends the handshakes that stopped making progress (the application abandoned them) as failed,
     * so that no state outlives its connection; their records go to {@code sink}.
     */
    void sweep(long nanoTime, Consumer<HandshakeRecord> sink);
}
