package io.tlslens.agent.record;

import java.time.Instant;

/**
 * Turns the {@link System#nanoTime()} readings taken on the handshake path into wall-clock epoch
 * nanoseconds for telemetry: monotonic offsets, anchored once.
 */
public final class EpochClock {

    private final long anchorEpochNanos;
    private final long anchorNanoTime;

    public EpochClock() {
        Instant now = Instant.now();
        this.anchorNanoTime = System.nanoTime();
        this.anchorEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    public long toEpochNanos(long nanoTime) {
        return anchorEpochNanos + (nanoTime - anchorNanoTime);
    }
}
