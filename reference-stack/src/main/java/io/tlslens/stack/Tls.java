package io.tlslens.stack;

import io.tlslens.observe.HandshakeObserver;
import io.tlslens.observe.Observation;
import io.tlslens.stack.tls12.Tls12Connection;
import io.tlslens.stack.tls13.Tls13CipherSuite;
import io.tlslens.stack.tls13.Tls13Connection;
import io.tlslens.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;

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
        List<Integer> versions = enabledVersions(config);
        boolean tls13 = versions.contains(ProtocolVersion.TLSv1_3);
        boolean tls12 = versions.contains(ProtocolVersion.TLSv1_2);
        if (tls13 && tls12) {
            return config.isClient() ? new ClientVersionRouter(config, observer) : new ServerVersionRouter(config, observer);
        }
        if (tls12) {
            return new Tls12Connection(config, observer);
        }
        return new Tls13Connection(config, observer);
    }

    /**
     * The versions {@code config} can negotiate: those it enables that have an enabled cipher suite
     * of their own (as SunJSSE activates a protocol only with a usable suite). TLS 1.3 is also what
     * the rest fall back on: with nothing negotiable it fails with its own decision.
     */
    public static List<Integer> enabledVersions(TlsConfig config) {
        List<Integer> versions = new ArrayList<>();
        if (config.versions().contains(ProtocolVersion.TLSv1_3)
                && config.cipherSuites().stream().anyMatch(s -> Tls13CipherSuite.byCode(s).isPresent())) {
            versions.add(ProtocolVersion.TLSv1_3);
        }
        if (config.versions().contains(ProtocolVersion.TLSv1_2) && !Tls12Connection.enabledSuites(config).isEmpty()) {
            versions.add(ProtocolVersion.TLSv1_2);
        }
        return versions;
    }
}
