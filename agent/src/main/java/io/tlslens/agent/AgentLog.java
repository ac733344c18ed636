package io.tlslens.agent;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TLSLens's own messages on standard error, each prefixed so that it cannot be mistaken for the
 * application's. No logging framework: the agent must not touch the application's logging setup.
 */
public final class AgentLog {

    private static final String PREFIX = "[tlslens] ";
    private static final Set<String> WARNED_ONCE = ConcurrentHashMap.newKeySet();

    private AgentLog() {
    }

    public static void info(String message) {
        System.err.println(PREFIX + message);
    }

    public static void warn(String message) {
        System.err.println(PREFIX + "WARNING: " + message);
    }

    /** Warns the first time {@code key} is seen; for conditions that would otherwise repeat per handshake. */
    public static void warnOnce(String key, String message) {
        if (WARNED_ONCE.add(key)) {
            warn(message);
        }
    }
}
