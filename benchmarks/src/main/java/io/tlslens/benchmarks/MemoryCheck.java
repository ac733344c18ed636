package io.tlslens.benchmarks;

import io.tlslens.examples.pki.KeyType;
import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * What TLS connections leave on the heap, run by run.sh in a JVM with and one without the agent, on in-memory
 * SunJSSE engine pairs. Prints one JSON object per line.
 *
 * <ul>
 *   <li>{@code soak}: 100,000 handshakes, one after another (TLS 1.2, most of them resumed, every
 *       {@value #FULL_EVERY}th full with the certificate chain, so that all the agent's paths run); the live heap
 *       after a full GC at 10,000, 25,000, 50,000 and 100,000. With the agent nothing may grow: each handshake
 *       becomes a span and metric points that are exported and gone.</li>
 *   <li>{@code in-flight}: {@value #IN_FLIGHT} TLS 1.3 handshakes held open mid-flight (ClientHello sent, the
 *       server's flight sent, the client not yet answered); the live heap they add, divided by their number, is
 *       the cost of one in-flight handshake, the agent's per-connection state included. The harness's own
 *       buffers (four of about 16 KiB per pair) are reported apart, as {@code harnessBytesPerHandshake}.</li>
 * </ul>
 *
 * <p>Usage: {@code java [-javaagent:...] -cp benchmarks.jar io.tlslens.benchmarks.MemoryCheck soak|in-flight}
 */
public final class MemoryCheck {
    private static final int[] CHECKPOINTS = {10_000, 25_000, 50_000, 100_000};
    private static final int FULL_EVERY = 100;
    private static final int IN_FLIGHT = 500;
    private static final int REPEATS = 3;
    /** Lets the agent's recorder thread take what is queued and its exporter send the last batch. */
    private static final long SETTLE_MILLIS = 1_000;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    private MemoryCheck() {
    }

    public static void main(String[] args) throws GeneralSecurityException, IOException, InterruptedException {
        String check = args.length == 1 ? args[0] : "";
        switch (check) {
            case "soak":
                new MemoryCheck().soak();
                break;
            case "in-flight":
                new MemoryCheck().inFlight();
                break;
            default:
                System.err.println("usage: MemoryCheck soak|in-flight");
                System.exit(2);
        }
    }

    private void soak() throws GeneralSecurityException, IOException, InterruptedException {
        Peers peers = new Peers(JsseProvider.SunJSSE, KeyType.EC_P256, "TLSv1.2");
        int next = 0;
        for (int checkpoint : CHECKPOINTS) {
            long started = System.nanoTime();
            for (; next < checkpoint; next++) {
                if (next % FULL_EVERY == 0) {
                    peers.forgetClientSessions();
                }
                try (EnginePair pair = peers.connectEngines()) {
                    pair.handshake();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.println("{\"check\":\"soak\",\"handshakes\":" + checkpoint + ",\"seconds\":"
                    + String.format(java.util.Locale.ROOT, "%.2f", seconds) + ",\"liveHeapBytes\":"
                    + settledHeapSamples() + "}");
        }
    }

    private void inFlight() throws GeneralSecurityException, IOException, InterruptedException {
        Peers peers = new Peers(JsseProvider.SunJSSE, KeyType.EC_P256, "TLSv1.3");
        // Complete handshakes first: classes loaded, code compiled, and the agent's own start-up behind us.
        for (int i = 0; i < 100; i++) {
            peers.forgetClientSessions();
            peers.connectEngines().handshake();
        }
        StringJoiner perHandshake = new StringJoiner(",", "[", "]");
        long harnessBytes = 0;
        for (int repeat = 0; repeat < REPEATS; repeat++) {
            long before = settledHeap();
            List<EnginePair> held = new ArrayList<>(IN_FLIGHT);
            for (int i = 0; i < IN_FLIGHT; i++) {
                peers.forgetClientSessions();
                EnginePair pair = peers.connectEngines();
                pair.startHandshake();
                held.add(pair);
                harnessBytes = pair.bufferBytes();
            }
            long during = settledHeap();
            perHandshake.add(Long.toString((during - before) / IN_FLIGHT));
            // The pairs must stay reachable until measured, whatever the compiler makes of the list's last use.
            Reference.reachabilityFence(held);
        }
        System.out.println("{\"check\":\"in-flight\",\"handshakes\":" + IN_FLIGHT + ",\"bytesPerHandshake\":"
                + perHandshake + ",\"harnessBytesPerHandshake\":" + harnessBytes + "}");
    }

    /** Three readings of the live heap after settling, as a JSON array: they show the noise. */
    private String settledHeapSamples() throws InterruptedException {
        StringJoiner samples = new StringJoiner(",", "[", "]");
        Thread.sleep(SETTLE_MILLIS);
        for (int i = 0; i < REPEATS; i++) {
            samples.add(Long.toString(liveHeap()));
        }
        return samples.toString();
    }

    private long settledHeap() throws InterruptedException {
        Thread.sleep(SETTLE_MILLIS);
        return liveHeap();
    }

    /** Heap in use right after full collections: what is reachable. */
    private long liveHeap() {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
