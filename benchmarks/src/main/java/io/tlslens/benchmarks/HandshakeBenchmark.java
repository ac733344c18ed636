package io.tlslens.benchmarks;

import io.tlslens.examples.pki.KeyType;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Handshakes per second between two in-memory SunJSSE engines, client and server work together; every
 * invocation makes new engines, as a new connection does. The agent instruments exactly this path.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HandshakeBenchmark {

    /** A full handshake each time: key exchange, certificate chain, signature and its verification. */
    @State(Scope.Thread)
    public static class Full {
        @Param({"TLSv1.3", "TLSv1.2"})
        public String protocol;
        @Param({"EC_P256", "RSA_2048"})
        public KeyType keyType;

        Peers peers;
        /** A new port per connection: the client has no session for it, so it cannot offer resumption. */
        private int port;

        @Setup(Level.Trial)
        public void setUp() throws GeneralSecurityException, SSLException {
            peers = new Peers(keyType, protocol);
            // Only the last session is ever looked for again (never, with a new port each time), so a cache of
            // one keeps memory flat over millions of handshakes instead of filling JSSE's default 20480 entries.
            peers.clientContext().getClientSessionContext().setSessionCacheSize(1);
            ResumptionCheck.expect(peers, nextPort(), nextPort(), false);
        }

        int nextPort() {
            port = port % 65_535 + 1;
            return port;
        }
    }

    /** An abbreviated handshake: the same client connects to the same host and port again. */
    @State(Scope.Thread)
    public static class Resumed {
        @Param({"TLSv1.3", "TLSv1.2"})
        public String protocol;

        /** One port, so every connection finds the session (or TLS 1.3 ticket) the previous one left. */
        static final int PORT = 443;
        Peers peers;

        @Setup(Level.Trial)
        public void setUp() throws GeneralSecurityException, SSLException {
            // Resumption involves no certificate, so the key type does not matter; EC keeps setup quick.
            peers = new Peers(KeyType.EC_P256, protocol);
            ResumptionCheck.expect(peers, PORT, PORT, true);
        }
    }

    @Benchmark
    public void full(Full state, Blackhole blackhole) throws SSLException {
        handshake(state.peers, state.nextPort(), blackhole);
    }

    @Benchmark
    public void resumed(Resumed state, Blackhole blackhole) throws SSLException {
        handshake(state.peers, Resumed.PORT, blackhole);
    }

    private static void handshake(Peers peers, int port, Blackhole blackhole) throws SSLException {
        EnginePair pair = peers.connect(port);
        pair.handshake();
        // The handshake's effects live in the engines; consuming the outcome keeps the JIT from doubting that.
        blackhole.consume(pair.client().getSession().getCipherSuite());
        blackhole.consume(pair.serverBytesSent());
    }
}
