package io.tlslens.agent.record;

import io.tlslens.agent.AgentLog;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The recorder thread's loop, shared by the stacks: takes the events their handshake threads
 * queued and records each, and once a second lets every stack end its abandoned handshakes and
 * says when events were dropped.
 */
public final class RecorderLoop {

    private static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

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
        while (running) {
            try {
                QueuedEvent event = queue.poll(200, TimeUnit.MILLISECONDS);
                if (event != null) {
                    event.record(sink);
                }
                long now = System.nanoTime();
                if (now - nextSweep >= 0) {
                    sweep(now, sink);
                    nextSweep = now + SWEEP_INTERVAL_NANOS;
                }
            } catch (InterruptedException e) {
                break;
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
