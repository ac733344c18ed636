package io.tlslens.agent.record;

import io.tlslens.agent.AgentLog;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The recorder thread's loop, shared by the stacks: takes the events their handshake threads
 * queued and records each, and once a second lets every stack end its abandoned handshakes and
 * says when events were dropped.
 *
 * <p>The handshake threads never wake this thread ({@link EventQueue} says why): it records what
 * is queued, and when the queue is empty sleeps {@link #IDLE_NANOS} before looking again. Events
 * carry their own time stamps, so the delay shows in no span; {@code queue.capacity} (8192 by
 * default) holds 10 ms of even 800,000 events a second.
 */
public final class RecorderLoop {

    private static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final EventQueue<QueuedEvent> queue;
    private final List<StackRecorder> stacks;
    private volatile boolean running = true;
    private long droppedReported;

    public RecorderLoop(EventQueue<QueuedEvent> queue, List<StackRecorder> stacks) {
        this.queue = queue;
        this.stacks = List.copyOf(stacks);
    }

    /** Records until {@link #requestStop}, then records what is still queued and returns. */
    public void run(Consumer<HandshakeRecord> sink) {
        long nextSweep = System.nanoTime();
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                QueuedEvent event = queue.poll();
                if (event != null) {
                    event.record(sink);
                } else {
                    LockSupport.parkNanos(IDLE_NANOS);
                }
                long now = System.nanoTime();
                if (now - nextSweep >= 0) {
                    sweep(now, sink);
                    nextSweep = now + SWEEP_INTERVAL_NANOS;
                }
            } catch (Throwable t) {
                AgentLog.warnOnce("recorder " + t.getClass().getName(), "TLSLens dropped an event it could not record: " + t);
            }
        }
        drain(sink);
    }

    public void requestStop() {
        running = false;
    }

    /** Events the handshake threads could not queue because the recorder was behind. */
    public long droppedEvents() {
        return queue.dropped();
    }

    private void sweep(long now, Consumer<HandshakeRecord> sink) {
        long dropped = queue.dropped();
        if (dropped > droppedReported) {
            AgentLog.warn("the recorder fell behind: " + dropped + " handshake events dropped so far "
                    + "(raise queue.capacity if this repeats)");
            droppedReported = dropped;
        }
        for (StackRecorder stack : stacks) {
            stack.sweep(now, sink);
        }
    }

    private void drain(Consumer<HandshakeRecord> sink) {
        QueuedEvent event;
        while ((event = queue.poll()) != null) {
            try {
                event.record(sink);
            } catch (Throwable t) {
                AgentLog.warnOnce("drain", "TLSLens dropped an event at shutdown: " + t);
            }
        }
    }
}
