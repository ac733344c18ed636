package io.tlslens.agent.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One lock for state that other threads change while a test waits on it. Mutations go through {@link #update}, which
 * wakes waiters, so {@link #await} needs no polling or sleeping; conditions are evaluated under the same lock, so no
 * wake-up is lost between a check and the wait.
 */
final class Monitor {

    synchronized <T> T read(Supplier<T> reader) {
        return reader.get();
    }

    synchronized void update(Runnable mutation) {
        mutation.run();
        notifyAll();
    }

    /** Waits until {@code condition} holds; false if it still does not when {@code timeout} has passed. */
    synchronized boolean await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting", e);
            }
        }
        return true;
    }
}
