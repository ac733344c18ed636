package io.tlslens.stack.jsse;

import io.tlslens.stack.Defaults;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.SignatureScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The JSSE names of what the core supports, and their IANA codes. JSSE spells protocols as the
 * JDK does ({@code TLSv1.3}) and cipher suites, groups and signature schemes as IANA does, which is
 * how the wire registries name them.
 */
final class JsseNames {
    static final JsseNames PROTOCOLS = new JsseNames(Defaults.VERSIONS, ProtocolVersion::name);
    static final JsseNames CIPHER_SUITES = new JsseNames(Defaults.CIPHER_SUITES, CipherSuite::name);
    static final JsseNames GROUPS = new JsseNames(Defaults.GROUPS, NamedGroup::name);
    static final JsseNames SIGNATURE_SCHEMES = new JsseNames(Defaults.SIGNATURE_SCHEMES, SignatureScheme::name);

    private final Map<String, Integer> codes = new LinkedHashMap<>();
    private final IntFunction<String> namer;

    private JsseNames(List<Integer> supported, IntFunction<String> namer) {
        this.namer = namer;
        for (int code : supported) {
            codes.put(namer.apply(code), code);
        }
    }

    /** Every supported name, in the core's preference order. */
    String[] supported() {
        return codes.keySet().toArray(new String[0]);
    }

    String name(int code) {
        return namer.apply(code);
    }

    String[] names(List<Integer> codes) {
        return codes.stream().map(namer::apply).toArray(String[]::new);
    }

    /**
     * The codes of the supported names among {@code names}, in their order. Names this stack does
     * not implement are dropped rather than refused, so an application configured with SunJSSE's
     * longer lists keeps working when the agent swaps this provider in.
     */
    List<Integer> codes(String[] names) {
        List<Integer> result = new ArrayList<>();
        for (String name : names) {
            Integer code = codes.get(name);
            if (code != null && !result.contains(code)) {
                result.add(code);
            }
        }
        return result;
    }

    /** The supported names among {@code names}, in their order. */
    String[] filter(String[] names) {
        return names(codes(names));
    }
}
