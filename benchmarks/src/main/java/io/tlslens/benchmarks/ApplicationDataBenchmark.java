package io.tlslens.benchmarks;

import io.tlslens.examples.pki.KeyType;
import java.io.IOException;
import java.nio.ByteBuffer;
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
 * Application data over one established connection. The agent must cost nothing here (the design allows
 * one comparison per record), so its numbers should match those without it.
 */
public class ApplicationDataBenchmark {

    /** One connection per trial, handshaken before measuring starts. */
    @State(Scope.Thread)
    public abstract static class Established {
        @Param({"ENGINE", "SOCKET"})
        public Transport transport;
        @Param({"SunJSSE", "BCJSSE", "TLSLens"})
        public JsseProvider provider;
        @Param({"TLSv1.3", "TLSv1.2"})
        public String protocol;

        Transport.Connector connector;
        Connection connection;
        ByteBuffer payload;

        @Setup(Level.Trial)
        public void setUp() throws GeneralSecurityException, IOException {
            // Record protection depends on the cipher suite alone, not on the certificate's key type.
            Peers peers = new Peers(provider, KeyType.EC_P256, protocol);
            connector = transport.connector(peers, serverRole());
            connection = connector.connect();
            connection.handshake();
            payload = ByteBuffer.allocate(payloadBytes());
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            connection.close();
            connector.close();
        }

        abstract int payloadBytes();

        abstract Transport.ServerRole serverRole();
    }

    /** Full-size records: 16 KiB is TLS's largest plaintext fragment, so one write makes one record. */
    @State(Scope.Thread)
    public static class Bulk extends Established {
        /** Record size; the results turn ops/s into MB/s with it. */
        @Param({"16384"})
        public int recordBytes;

        @Override
        int payloadBytes() {
            return recordBytes;
        }

        @Override
        Transport.ServerRole serverRole() {
            return Transport.ServerRole.DISCARD;
        }
    }

    /** Small messages, where a per-record cost of the agent would show most. */
    @State(Scope.Thread)
    public static class Ping extends Established {
        @Param({"100"})
        public int messageBytes;

        @Override
        int payloadBytes() {
            return messageBytes;
        }

        @Override
        Transport.ServerRole serverRole() {
            return Transport.ServerRole.ECHO;
        }
    }

    /** One record from client to server. Throughput: ops/s x recordBytes = bytes/s. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void bulk(Bulk state) throws IOException {
        state.connection.send(state.payload.clear());
    }

    /** A request and its echo: client to server and back. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int roundTrip(Ping state) throws IOException {
        return state.connection.roundTrip(state.payload.clear());
    }
}
