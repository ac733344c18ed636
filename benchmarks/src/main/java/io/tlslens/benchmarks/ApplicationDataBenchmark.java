package io.tlslens.benchmarks;

import io.tlslens.examples.pki.KeyType;
import java.nio.ByteBuffer;
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
 * Application data over one established engine pair. The agent must cost nothing here (the design allows
 * one comparison per record), so these numbers should match with and without it.
 */
public class ApplicationDataBenchmark {

    /** One connection per trial, handshaken before measuring starts. */
    @State(Scope.Thread)
    public abstract static class Connection {
        @Param({"TLSv1.3", "TLSv1.2"})
        public String protocol;

        EnginePair pair;
        ByteBuffer payload;

        @Setup(Level.Trial)
        public void setUp() throws GeneralSecurityException, SSLException {
            // Record protection depends on the cipher suite alone, not on the certificate's key type.
            pair = new Peers(KeyType.EC_P256, protocol).established(443);
            payload = ByteBuffer.allocate(payloadBytes());
        }

        abstract int payloadBytes();
    }

    /** Full-size records: 16 KiB is TLS's largest plaintext fragment, so one wrap makes one record. */
    @State(Scope.Thread)
    public static class Bulk extends Connection {
        /** Record size; run-agent-overhead.sh turns ops/s into MB/s with it. */
        @Param({"16384"})
        public int recordBytes;

        @Override
        int payloadBytes() {
            return recordBytes;
        }
    }

    /** Small messages, where a per-record cost of the agent would show most. */
    @State(Scope.Thread)
    public static class Ping extends Connection {
        @Param({"100"})
        public int messageBytes;

        @Override
        int payloadBytes() {
            return messageBytes;
        }
    }

    /** One record from client to server: wrap, then unwrap. Throughput: ops/s x recordBytes = bytes/s. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void bulk(Bulk state, Blackhole blackhole) throws SSLException {
        blackhole.consume(state.pair.clientToServer(state.payload.clear()).remaining());
    }

    /** A request and its echo: client to server and back, four engine calls. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void roundTrip(Ping state, Blackhole blackhole) throws SSLException {
        ByteBuffer request = state.pair.clientToServer(state.payload.clear());
        blackhole.consume(state.pair.serverToClient(request).remaining());
    }
}
