package io.tlslens.agent.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    @Test
    void boundedFifoThatCountsDrops() {
        EventQueue<Integer> queue = new EventQueue<>(3);
        assertTrue(queue.offer(1));
        assertTrue(queue.offer(2));
        assertTrue(queue.offer(3));
        assertFalse(queue.offer(4), "full");
        assertFalse(queue.offer(5));
        assertEquals(2, queue.dropped());

        assertEquals(1, queue.poll());
        assertTrue(queue.offer(6), "room again after a poll");
        assertEquals(2, queue.dropped(), "drops are never forgotten");
        assertEquals(2, queue.poll());
        assertEquals(3, queue.poll());
        assertEquals(6, queue.poll());
        assertNull(queue.poll());
    }

    @Test
    void offerNeverBlocksOnAFullQueue() {
        EventQueue<Object> queue = new EventQueue<>(1);
        queue.offer("first");
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < 100_000; i++) {
                queue.offer(i);
            }
        });
        assertEquals(100_000, queue.dropped());
        assertEquals("first", queue.poll());
    }

    @Test
    void concurrentProducersAreAllAccountedFor() throws Exception {
        EventQueue<Integer> queue = new EventQueue<>(100);
        int threads = 4;
        int each = 20_000;
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread producer = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    if (queue.offer(i)) {
                        accepted.incrementAndGet();
                    }
                }
            });
            producer.start();
            producers.add(producer);
        }
        start.countDown();
        for (Thread producer : producers) {
            producer.join(10_000);
            assertFalse(producer.isAlive(), "a producer never blocks");
        }
        assertEquals(100, accepted.get(), "exactly the capacity is kept");
        assertEquals((long) threads * each - 100, queue.dropped());
    }
}
