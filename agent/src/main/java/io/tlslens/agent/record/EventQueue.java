package io.tlslens.agent.record;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded hand-off from the application's handshake threads to the recorder. Offering never
 * blocks: when the recorder falls behind, events are dropped and counted.
 */
public final class EventQueue<E> {

    private final ArrayBlockingQueue<E> queue;
    private final AtomicLong dropped = new AtomicLong();

    public EventQueue(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Returns {@code false} (and counts the drop) when the queue is full. */
    public boolean offer(E event) {
        if (queue.offer(event)) {
            return true;
        }
        dropped.incrementAndGet();
        return false;
    }

    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        return queue.poll(timeout, unit);
    }

    public E poll() {
        return queue.poll();
    }

    public long dropped() {
        return dropped.get();
    }
}
