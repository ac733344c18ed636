package io.tlslens.agent.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The agent's options. Each is looked up as an agent argument ({@code key=value,key=value}), then
 * as the system property {@code tlslens.key}, then as the environment variable
 * {@code TLSLENS_KEY}. OpenTelemetry's own settings ({@code OTEL_*}, {@code otel.*}) are left to
 * the SDK's autoconfiguration.
 */
public final class AgentConfig {

    /** Which TLS stack the application's SSLContexts use. */
    public enum Stack { JSSE, REFERENCE }

    /** Whether handshakes are printed as ladder diagrams on standard error. */
    public enum Console { AUTO, ON, OFF }

    private final Map<String, String> agentArgs;
    private final Function<String, String> systemProperties;
    private final Function<String, String> environment;

    AgentConfig(Map<String, String> agentArgs, Function<String, String> systemProperties,
                Function<String, String> environment) {
        this.agentArgs = agentArgs;
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    public static AgentConfig fromAgentArgs(String agentArgs) {
        return new AgentConfig(parseArgs(agentArgs), System::getProperty, System::getenv);
    }

    /** Parses {@code key=value,key=value}; a bare key means {@code true}. */
    static Map<String, String> parseArgs(String args) {
        if (args == null || args.isBlank()) {
            return Collections.emptyMap();
        }
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String pair : args.split(",")) {
            String trimmed = pair.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq < 0) {
                parsed.put(trimmed, "true");
            } else {
                parsed.put(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim());
            }
        }
        return parsed;
    }

    /** The raw value of {@code key} from the first source that has it, or {@code null}. */
    public String get(String key) {
        String value = agentArgs.get(key);
        if (value == null) {
            value = systemProperties.apply("tlslens." + key);
        }
        if (value == null) {
            value = environment.apply("TLSLENS_" + key.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value;
    }

    public Stack stack() {
        return enumValue("stack", Stack.class, Stack.JSSE);
    }

    public Console console() {
        return enumValue("console", Console.class, Console.AUTO);
    }

    /** NSS key log file, or {@code null} when key logging is off (the default). */
    public String keylog() {
        return get("keylog");
    }

    /** A handshake with no progress for this long is ended as timed out (the application abandoned it). */
    public Duration handshakeTimeout() {
        return Duration.ofMillis(positiveLong("handshake.timeout.ms", 60_000));
    }

    /** Capacity of the queue between the handshake threads and the recorder, in events. */
    public int queueCapacity() {
        return (int) Math.min(positiveLong("queue.capacity", 8192), 1 << 20);
    }

    /** Largest handshake message copied whole; longer ones keep their first bytes only. */
    public int maxMessageBytes() {
        return (int) Math.min(positiveLong("max.message.bytes", 65_536), 1 << 24);
    }

    private <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
        String value = get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tlslens option " + key + "=" + value + " is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    private long positiveLong(String key, long fallback) {
        String value = get(key);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the option's name
        }
        throw new IllegalArgumentException("tlslens option " + key + "=" + value + " is not a positive whole number");
    }
}
