package io.tlslens.agent.record;

import java.util.List;
import java.util.function.IntFunction;

/** Registry codes as the names telemetry shows. */
public final class RegistryNames {

    private RegistryNames() {
    }

    /** Each code's registry name, in order. */
    public static String[] names(List<Integer> codes, IntFunction<String> registry) {
        String[] names = new String[codes.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = registry.apply(codes.get(i));
        }
        return names;
    }
}
