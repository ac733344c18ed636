package io.tlslens.agent.keylog;

import io.tlslens.agent.AgentLog;
import io.tlslens.agent.AgentThread;
import io.tlslens.stack.KeyLog;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link KeyLog} for handshake threads: {@link #log} only enqueues (it never waits), and a
 * TLSLens thread of its own hands each entry to the real key log — a file, whose writes must not
 * happen on the application's thread.
 */
public final class BackgroundKeyLog implements KeyLog {

    private static final Entry END = new Entry(null, null, null);

    private final KeyLog target;
    private final BlockingQueue<Entry> queue;
    private final Thread writer;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    private BackgroundKeyLog(KeyLog target, int capacity, String threadName) {
        this.target = target;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = AgentThread.create(this::drain, threadName);
    }

    /** Starts the writer thread, named {@code threadName}, that feeds {@code target}. */
    public static BackgroundKeyLog start(KeyLog target, int capacity, String threadName) {
        BackgroundKeyLog log = new BackgroundKeyLog(target, capacity, threadName);
        log.writer.start();
        return log;
    }

    @Override
    public void log(String label, byte[] clientRandom, byte[] secret) {
        if (closed) {
            KeyLogLine.wipe(secret);
            return;
        }
        if (!queue.offer(new Entry(label, clientRandom, secret))) {
            KeyLogLine.wipe(secret);
            dropped.incrementAndGet();
            AgentLog.warnOnce("keylog full", "the key log writer is behind: secrets are being dropped, and the "
                    + "connections they belong to cannot be decrypted");
        }
    }

    /** Entries dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Writes what is queued, stops the writer and closes the target if it is {@link Closeable};
     * waits at most {@code timeoutMillis}. Later {@link #log} calls are ignored.
     */
    public void close(long timeoutMillis) {
        closed = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            if (queue.offer(END, timeoutMillis, TimeUnit.MILLISECONDS)) {
                writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (target instanceof Closeable) {
            try {
                ((Closeable) target).close();
            } catch (IOException e) {
                AgentLog.warn("could not close the key log: " + e);
            }
        }
    }

    private void drain() {
        while (true) {
            Entry entry;
            try {
                entry = queue.take();
            } catch (InterruptedException e) {
                return; // nobody interrupts TLSLens's own thread but TLSLens, on its way out
            }
            if (entry == END) {
                return;
            }
            try {
                target.log(entry.label, entry.clientRandom, entry.secret);
            } catch (Throwable t) {
                KeyLogLine.wipe(entry.secret);
                AgentLog.warnOnce("keylog writer", "the key log writer failed and skipped a secret: "
                        + t.getClass().getName());
            }
        }
    }

    private static final class Entry {
        final String label;
        final byte[] clientRandom;
        final byte[] secret;

        Entry(String label, byte[] clientRandom, byte[] secret) {
            this.label = label;
            this.clientRandom = clientRandom;
            this.secret = secret;
        }
    }
}
