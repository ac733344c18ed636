package io.tlslens.stack.tls13;

import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.SignatureScheme;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/** IANA names of code lists, as decisions give their evidence. */
public final class Names {
    private Names() {
    }

    public static List<String> versions(List<Integer> codes) {
        return of(codes, ProtocolVersion::name);
    }

    public static List<String> suites(List<Integer> codes) {
        return of(codes, CipherSuite::name);
    }

    public static List<String> groups(List<Integer> codes) {
        return of(codes, NamedGroup::name);
    }

    public static List<String> schemes(List<Integer> codes) {
        return of(codes, SignatureScheme::name);
    }

    private static List<String> of(List<Integer> codes, IntFunction<String> name) {
        return codes.stream().map(name::apply).collect(Collectors.toUnmodifiableList());
    }
}
