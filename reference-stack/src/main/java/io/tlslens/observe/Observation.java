package io.tlslens.observe;

import java.util.Objects;

/**
 * The process-wide {@link ObserverFactory}: observing nothing until the agent installs one. The
 * reference stack asks it for an observer per connection, so an application that uses the stack
 * directly is observed too once the agent runs.
 */
public final class Observation {
    private static final ObserverFactory NOTHING = connection -> HandshakeObserver.NONE;
    private static volatile ObserverFactory factory = NOTHING;

    private Observation() {
    }

    public static void install(ObserverFactory observers) {
        factory = Objects.requireNonNull(observers, "observers");
    }

    /** Observes nothing again (tests). */
    public static void reset() {
        factory = NOTHING;
    }

    /** An observer for a new connection; {@link HandshakeObserver#NONE} if the factory fails. */
    public static HandshakeObserver open(ConnectionInfo connection) {
        try {
            HandshakeObserver observer = factory.open(connection);
            return observer == null ? HandshakeObserver.NONE : observer;
        } catch (RuntimeException | LinkageError e) {
            return HandshakeObserver.NONE;
        }
    }
}
