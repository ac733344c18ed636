package io.tlslens.agent.record;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded hand-off from the application's handshake threads to the recorder. Offering never
 * blocks: when the recorder falls behind, events are dropped and counted.
 *
 * <p>Offering never wakes the recorder either. The recorder polls, and sleeps a short while when
 * it finds nothing ({@link RecorderLoop}): a queue whose consumer waits for a signal makes every
 * offer that finds it waiting pay for waking a thread (a system call, and a context switch on a
 * busy core). That cost fell on the handshake thread once per message, which for a resumed
 * handshake was more than all of TLSLens's other work on that thread.
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

    /** The oldest event, or {@code null} when there is none; never waits. */
    public E poll() {
        return queue.poll();
    }

    public long dropped() {
        return dropped.get();
    }
}
