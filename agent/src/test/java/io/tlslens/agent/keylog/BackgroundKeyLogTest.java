package io.tlslens.agent.keylog;

import static io.tlslens.agent.keylog.KeyLogLineTest.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.stack.KeyLog;
import java.io.Closeable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundKeyLogTest {

    /** Records what reaches it, and on which thread. */
    private static class Recording implements KeyLog, Closeable {
        final List<String> entries = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        @Override
        public void log(String label, byte[] clientRandom, byte[] secret) {
            entries.add(label + " " + KeyLogLine.hex(clientRandom) + " " + KeyLogLine.hex(secret));
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void writesOnItsOwnThreadAndDrainsOnClose() {
        Recording target = new Recording();
        BackgroundKeyLog log = BackgroundKeyLog.start(target, 16, "test-keylog");
        for (int i = 0; i < 10; i++) {
            log.log("CLIENT_RANDOM", random(i), new byte[] {(byte) i});
        }
        log.close(5_000);
        assertEquals(10, target.entries.size());
        assertEquals("CLIENT_RANDOM " + KeyLogLine.hex(random(9)) + " 09", target.entries.get(9));
        assertTrue(target.threads.stream().allMatch("test-keylog"::equals), target.threads::toString);
        assertTrue(target.closed);

        log.log("CLIENT_RANDOM", random(0), new byte[] {1});
        assertEquals(10, target.entries.size(), "nothing is logged after close");
    }

    @Test
    void dropsRatherThanWaitsWhenFull() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Recording target = new Recording() {
            @Override
            public void log(String label, byte[] clientRandom, byte[] secret) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.log(label, clientRandom, secret);
            }
        };
        BackgroundKeyLog log = BackgroundKeyLog.start(target, 2, "test-keylog-full");
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            log.log("CLIENT_RANDOM", random(i), new byte[] {1});
        }
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 2_000, "log never waits");
        assertTrue(log.dropped() >= 7, () -> "dropped " + log.dropped());
        release.countDown();
        log.close(5_000);
        assertEquals(10 - log.dropped(), target.entries.size());
        assertFalse(target.entries.isEmpty());
    }
}
