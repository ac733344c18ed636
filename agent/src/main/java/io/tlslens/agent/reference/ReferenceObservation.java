package io.tlslens.agent.reference;

import io.tlslens.agent.AgentThread;
import io.tlslens.agent.config.AgentConfig;
import io.tlslens.agent.record.EventQueue;
import io.tlslens.agent.record.Peer;
import io.tlslens.agent.record.QueuedEvent;
import io.tlslens.agent.record.Role;
import io.tlslens.agent.record.StackRecorder;
import io.tlslens.observe.HandshakeObserver;
import io.tlslens.observe.Observation;

/**
 * Recording of the reference stack, whichever way the application reached it (swapped in with
 * {@code stack=reference}, or named as a provider): every connection it opens gets an observer
 * that feeds the recorder thread.
 */
public final class ReferenceObservation {

    private final ReferenceRecorder recorder;

    private ReferenceObservation(ReferenceRecorder recorder) {
        this.recorder = recorder;
    }

    /** Installs the process-wide observer factory; reports wait in {@code queue} for the recorder thread. */
    public static ReferenceObservation install(AgentConfig config, EventQueue<QueuedEvent> queue) {
        ReferenceRecorder recorder = new ReferenceRecorder(config.handshakeTimeout());
        Observation.install((client, peerHost, peerPort) -> {
            if (AgentThread.isCurrent()) {
                return HandshakeObserver.NONE; // TLSLens's own export is not the application's traffic
            }
            ReferenceConnection connection = new ReferenceConnection(client ? Role.CLIENT : Role.SERVER,
                    new Peer(peerHost, null, peerPort, -1));
            return new QueueingObserver(recorder, connection, queue);
        });
        return new ReferenceObservation(recorder);
    }

    /** Its state on the recorder thread. */
    public StackRecorder recorder() {
        return recorder;
    }

    /** Connections opened from now on are not observed; those already open keep reporting until they end. */
    public void uninstall() {
        Observation.reset();
    }
}
