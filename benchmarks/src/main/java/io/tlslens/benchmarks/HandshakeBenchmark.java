package io.tlslens.benchmarks;

import io.tlslens.examples.pki.KeyType;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Handshakes per second, client and server work together; every invocation opens a new connection, as an
 * application does, and finishes its handshake on both ends. The agent instruments exactly this path.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HandshakeBenchmark {

    /** The client and server of one trial, and where their connections come from. */
    @State(Scope.Thread)
    public abstract static class Endpoints {
        @Param({"ENGINE", "SOCKET"})
        public Transport transport;
        @Param({"SunJSSE", "BCJSSE", "TLSLens"})
        public JsseProvider provider;
        @Param({"TLSv1.3", "TLSv1.2"})
        public String protocol;

        Peers peers;
        Transport.Connector connector;

        @Setup(Level.Trial)
        public void setUp() throws GeneralSecurityException, IOException {
            peers = new Peers(provider, keyType(), protocol);
            connector = transport.connector(peers, Transport.ServerRole.ECHO);
            ResumptionCheck.expect(this::handshake, peers.serverChainBytes(), resumes());
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            connector.close();
        }

        /** One connection, handshaken and closed; returns the bytes its server sent. */
        long handshake() throws IOException {
            try (Connection connection = connector.connect()) {
                connection.handshake();
                return connection.serverBytesSent();
            }
        }

        abstract KeyType keyType();

        abstract boolean resumes();
    }

    /** A full handshake each time: key exchange, certificate chain, signature and its verification. */
    @State(Scope.Thread)
    public static class Full extends Endpoints {
        @Param({"EC_P256", "RSA_2048"})
        public KeyType keyType;

        @Override
        KeyType keyType() {
            return keyType;
        }

        @Override
        boolean resumes() {
            return false;
        }

        /** The client forgets the session each connection leaves, so the next one cannot offer to resume it. */
        @Override
        long handshake() throws IOException {
            long bytes = super.handshake();
            peers.forgetClientSessions();
            return bytes;
        }
    }

    /** An abbreviated handshake: the client connects to the same server again and resumes the last session. */
    @State(Scope.Thread)
    public static class Resumed extends Endpoints {
        @Override
        KeyType keyType() {
            // Resumption involves no certificate, so the key type does not matter; EC keeps setup quick.
            return KeyType.EC_P256;
        }

        @Override
        boolean resumes() {
            return true;
        }
    }

    @Benchmark
    public long full(Full state) throws IOException {
        return state.handshake();
    }

    @Benchmark
    public long resumed(Resumed state) throws IOException {
        return state.handshake();
    }
}
