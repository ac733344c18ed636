package io.tlslens.stack;

import io.tlslens.observe.HandshakeObserver;
import io.tlslens.observe.Observation;
import io.tlslens.stack.tls12.Tls12Connection;
import io.tlslens.stack.tls13.Tls13Connection;
import io.tlslens.wire.ProtocolVersion;

/**
 * Creates reference-stack connections. The observer is the configuration's, or, when none was
 * configured, the one the process-wide {@link Observation} factory opens for the connection, so
 * that an application using the stack directly is observed once the agent runs.
 */
public final class Tls {
    private Tls() {
    }

    public static TlsConnection client(TlsConfig config) {
        if (!config.isClient()) {
            throw new IllegalArgumentException("a server configuration");
        }
        return connect(config);
    }

    public static TlsConnection server(TlsConfig config) {
        if (config.isClient()) {
            throw new IllegalArgumentException("a client configuration");
        }
        return connect(config);
    }

    private static TlsConnection connect(TlsConfig config) {
        HandshakeObserver observer = config.observer() != HandshakeObserver.NONE ? config.observer()
                : Observation.open(config.isClient(), config.peerHost(), config.peerPort());
        if (!config.versions().contains(ProtocolVersion.TLSv1_3) && config.versions().contains(ProtocolVersion.TLSv1_2)) {
            return new Tls12Connection(config, observer);
        }
        return new Tls13Connection(config, observer);
    }
}
