package io.tlslens.examples.net;

import java.time.Duration;

/** Every wait in the examples is bounded by one of these, so no scenario can hang. */
public final class Timeouts {
    /** Connect, accept, each read and each handshake step; generous for loopback on a slow CI machine. */
    public static final Duration IO = Duration.ofSeconds(5);
    /** The read timeout of a client that is meant to give up on a silent server. */
    public static final Duration IMPATIENT = Duration.ofMillis(1500);
    /** A whole scenario, as a last resort when something unforeseen blocks. */
    public static final Duration SCENARIO = Duration.ofSeconds(30);

    private Timeouts() {
    }

    public static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }
}
