package io.tlslens.stack.handshake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The evidence of a {@link io.tlslens.observe.Decision}: named lists, kept in the order given. */
public final class Evidence {
    private Evidence() {
    }

    public static Map<String, List<String>> evidence(String key, List<String> values) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put(key, values);
        return map;
    }

    public static Map<String, List<String>> evidence(String key1, List<String> values1, String key2, List<String> values2) {
        Map<String, List<String>> map = evidence(key1, values1);
        map.put(key2, values2);
        return map;
    }

    public static Map<String, List<String>> evidence(String key1, List<String> values1, String key2, List<String> values2,
            String key3, List<String> values3) {
        Map<String, List<String>> map = evidence(key1, values1, key2, values2);
        map.put(key3, values3);
        return map;
    }
}
