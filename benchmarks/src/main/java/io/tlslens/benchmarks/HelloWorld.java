package io.tlslens.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.time.Instant;
import java.util.StringJoiner;

/**
 * The smallest application, for what the agent costs a JVM that does nothing: run.sh starts it over and over,
 * with and without the agent. It prints when {@code main} was entered (wall-clock microseconds since the epoch,
 * which run.sh compares with the moment it launched the JVM), and with the argument {@code footprint}, what
 * the JVM holds once settled: live heap after a full GC, non-heap memory, and its threads.
 */
public final class HelloWorld {
    /**
     * Long enough for the agent to finish anything it starts on threads of its own. (It sets up OpenTelemetry
     * only for the first handshake, which this program never makes: the footprint is the agent's at rest.)
     */
    private static final long SETTLE_MILLIS = 2_000;

    private HelloWorld() {
    }

    public static void main(String[] args) throws InterruptedException {
        Instant entered = Instant.now();
        System.out.println("main-entered-us " + (entered.getEpochSecond() * 1_000_000 + entered.getNano() / 1_000));
        if (args.length > 0 && args[0].equals("footprint")) {
            Thread.sleep(SETTLE_MILLIS);
            printFootprint();
        }
        System.out.println("Hello, world");
    }

    private static void printFootprint() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // Twice: the first collection may leave objects whose finalisation or reference processing frees more.
        System.gc();
        System.gc();
        System.out.println("live-heap-bytes " + memory.getHeapMemoryUsage().getUsed());
        System.out.println("non-heap-bytes " + memory.getNonHeapMemoryUsage().getUsed());
        StringJoiner names = new StringJoiner(",");
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            names.add(thread.getThreadName());
        }
        System.out.println("threads " + ManagementFactory.getThreadMXBean().getThreadCount());
        System.out.println("thread-names " + names);
    }
}
