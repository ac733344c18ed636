package io.tlslens.agent.testing;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads OTLP spans the way tests think about them: attributes as plain Java values (String, Long, Boolean, Double,
 * List, Map), events by name. The typed accessors return null for an absent attribute and fail for one of another type,
 * because an attribute exported with the wrong type (a boolean sent as "true") breaks dashboards as surely as a
 * missing one.
 */
public final class Spans {
    /** Shown first when a span is described in a failure message; the rest are counted. */
    private static final List<String> KEY_ATTRIBUTES = List.of(
            "tlslens.role", "tlslens.stack", "tls.protocol.version", "tls.cipher", "server.address", "server.port",
            "tls.established", "error.type", "tlslens.failure.detail");
    private static final int MAX_VALUE_LENGTH = 80;

    private Spans() {
    }

    public static Predicate<Span> named(String name) {
        return span -> span.getName().equals(name);
    }

    /** Matches spans whose attribute {@code key} equals {@code value} as a plain Java value (use Long for ints). */
    public static Predicate<Span> withAttribute(String key, Object value) {
        return span -> Objects.equals(attributes(span).get(key), value);
    }

    public static Map<String, Object> attributes(Span span) {
        return toMap(span.getAttributesList());
    }

    public static Map<String, Object> attributes(Span.Event event) {
        return toMap(event.getAttributesList());
    }

    public static String string(Span span, String key) {
        return typed(attributes(span), key, String.class);
    }

    public static Double doubleValue(Span span, String key) {
        return typed(attributes(span), key, Double.class);
    }

    public static Long longValue(Span span, String key) {
        return typed(attributes(span), key, Long.class);
    }

    public static Boolean bool(Span span, String key) {
        return typed(attributes(span), key, Boolean.class);
    }

    public static List<Object> list(Span span, String key) {
        return typedList(attributes(span), key);
    }

    public static String string(Span.Event event, String key) {
        return typed(attributes(event), key, String.class);
    }

    public static Long longValue(Span.Event event, String key) {
        return typed(attributes(event), key, Long.class);
    }

    public static Boolean bool(Span.Event event, String key) {
        return typed(attributes(event), key, Boolean.class);
    }

    public static List<Object> list(Span.Event event, String key) {
        return typedList(attributes(event), key);
    }

    /** The events named {@code name}, in the order the span recorded them. */
    public static List<Span.Event> events(Span span, String name) {
        return span.getEventsList().stream().filter(e -> e.getName().equals(name)).collect(Collectors.toList());
    }

    /** The single event named {@code name}; fails when there is none or more than one. */
    public static Span.Event event(Span span, String name) {
        List<Span.Event> found = events(span, name);
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one event '" + name + "' in " + describe(span) + ", found "
                    + found.size() + "; events: " + eventNames(span));
        }
        return found.get(0);
    }

    public static List<String> eventNames(Span span) {
        return span.getEventsList().stream().map(Span.Event::getName).collect(Collectors.toList());
    }

    /** One line for failure messages: name, kind, error status, the key attributes, and how many others. */
    public static String describe(Span span) {
        Map<String, Object> attributes = attributes(span);
        StringBuilder out = new StringBuilder(span.getName()).append(" (").append(span.getKind());
        if (span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR) {
            out.append(", ERROR");
        }
        out.append(") {");
        List<String> shown = new ArrayList<>();
        for (String key : KEY_ATTRIBUTES) {
            if (attributes.containsKey(key)) {
                shown.add(key + "=" + abbreviate(attributes.get(key)));
            }
        }
        out.append(String.join(", ", shown));
        int others = attributes.size() - shown.size();
        if (others > 0) {
            out.append(shown.isEmpty() ? "" : ", ").append('+').append(others).append(" more");
        }
        return out.append("} events=").append(eventNames(span)).toString();
    }

    static Map<String, Object> toMap(List<KeyValue> keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (KeyValue keyValue : keyValues) {
            map.put(keyValue.getKey(), toJava(keyValue.getValue()));
        }
        return map;
    }

    static Object toJava(AnyValue value) {
        switch (value.getValueCase()) {
            case STRING_VALUE:
                return value.getStringValue();
            case BOOL_VALUE:
                return value.getBoolValue();
            case INT_VALUE:
                return value.getIntValue();
            case DOUBLE_VALUE:
                return value.getDoubleValue();
            case ARRAY_VALUE:
                return value.getArrayValue().getValuesList().stream().map(Spans::toJava).collect(Collectors.toList());
            case KVLIST_VALUE:
                return toMap(value.getKvlistValue().getValuesList());
            case BYTES_VALUE:
                return value.getBytesValue().toByteArray();
            default:
                return null;
        }
    }

    private static <T> T typed(Map<String, Object> attributes, String key, Class<T> type) {
        Object value = attributes.get(key);
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        throw new AssertionError("attribute '" + key + "' is a " + value.getClass().getSimpleName() + " (" + value
                + "), not a " + type.getSimpleName());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> typedList(Map<String, Object> attributes, String key) {
        return typed(attributes, key, List.class);
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH) + "...";
    }
}
