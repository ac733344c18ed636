package io.tlslens.wire;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The names of one IANA registry. The names are read from the registry class's
 * {@code public static final int} fields, which are spelled exactly as IANA spells them, so a
 * constant and its name cannot drift apart and the constants stay usable as switch labels.
 */
final class Registry {
    private final Map<Integer, String> names = new HashMap<>();
    private final String unknownFormat;
    private final boolean hasGrease;

    private Registry(int codeBytes, boolean hasGrease) {
        this.unknownFormat = "unknown(0x%0" + 2 * codeBytes + "x)";
        this.hasGrease = hasGrease;
    }

    /** A registry of {@code codeBytes}-byte codes whose GREASE values (RFC 8701) are named as such. */
    static Registry withGrease(Class<?> holder, int codeBytes) {
        return new Registry(codeBytes, true).addFields(holder);
    }

    static Registry of(Class<?> holder, int codeBytes) {
        return new Registry(codeBytes, false).addFields(holder);
    }

    /** Adds a name that is not a Java identifier, e.g. "TLSv1.3". */
    Registry add(int code, String name) {
        names.put(code, name);
        return this;
    }

    boolean contains(int code) {
        return names.containsKey(code);
    }

    String name(int code) {
        String name = names.get(code);
        if (name != null) {
            return name;
        }
        if (hasGrease && Grease.isGrease(code)) {
            return String.format("GREASE(0x%04x)", code);
        }
        return String.format(unknownFormat, code);
    }

    /** Names of a list of codes, for toString. */
    static String names(List<Integer> codes, IntFunction<String> name) {
        return codes.stream().map(name::apply).collect(Collectors.joining(", ", "[", "]"));
    }

    private Registry addFields(Class<?> holder) {
        for (Field f : holder.getFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == int.class) {
                try {
                    names.putIfAbsent(f.getInt(null), f.getName());
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e); // public fields of our own class
                }
            }
        }
        return this;
    }
}
