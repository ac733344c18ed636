package io.tlslens.examples.scenario;

import java.security.AlgorithmConstraints;
import java.security.AlgorithmParameters;
import java.security.CryptoPrimitive;
import java.security.Key;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Narrows the named groups or signature schemes of one socket or engine, through
 * {@code SSLParameters.setAlgorithmConstraints}. SunJSSE asks these constraints about every group (as a
 * key-agreement algorithm) and every signature scheme (as a signature algorithm) by its TLS name, and
 * leaves out what they refuse. Unlike {@code SSLParameters.setNamedGroups} (JDK 20+) and
 * {@code setSignatureSchemes} (JDK 19+) this works on JDK 11, and unlike the {@code jdk.tls.namedGroups}
 * system property it changes nothing for the rest of the JVM. JSSE still applies the JDK's own disabled
 * algorithms on top: this can only take away.
 */
public final class AlgorithmRestriction implements AlgorithmConstraints {
    /** The TLS group names JSSE knows (as of JDK 25); a name outside this list is never refused. */
    private static final Set<String> GROUPS = Set.of("secp256r1", "secp384r1", "secp521r1", "x25519", "x448",
            "ffdhe2048", "ffdhe3072", "ffdhe4096", "ffdhe6144", "ffdhe8192", "x25519mlkem768",
            "secp256r1mlkem768", "secp384r1mlkem1024");
    /** Signature scheme names: {@code ecdsa_*}, {@code rsa_*}, {@code dsa_*}, {@code ed25519}, {@code ed448}. */
    private static final Pattern SIGNATURE_SCHEME = Pattern.compile("(ecdsa|rsa|dsa)_.+|ed25519|ed448");

    private final Set<CryptoPrimitive> primitives;
    private final Predicate<String> refused;

    private AlgorithmRestriction(Set<CryptoPrimitive> primitives, Predicate<String> refused) {
        this.primitives = primitives;
        this.refused = refused;
    }

    /** Only the named groups {@code allowed} (e.g. {@code "x25519"}). */
    public static AlgorithmRestriction groups(String... allowed) {
        Set<String> keep = lowerCase(allowed);
        return new AlgorithmRestriction(EnumSet.of(CryptoPrimitive.KEY_AGREEMENT),
                name -> GROUPS.contains(name) && !keep.contains(name));
    }

    /** Only the signature schemes {@code allowed} (e.g. {@code "rsa_pss_rsae_sha256"}). */
    public static AlgorithmRestriction signatureSchemes(String... allowed) {
        Set<String> keep = lowerCase(allowed);
        return new AlgorithmRestriction(EnumSet.of(CryptoPrimitive.SIGNATURE),
                name -> SIGNATURE_SCHEME.matcher(name).matches() && !keep.contains(name));
    }

    @Override
    public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, AlgorithmParameters parameters) {
        return Collections.disjoint(this.primitives, primitives)
                || !refused.test(algorithm.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean permits(Set<CryptoPrimitive> primitives, Key key) {
        return true;
    }

    @Override
    public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, Key key,
            AlgorithmParameters parameters) {
        return permits(primitives, algorithm, parameters);
    }

    private static Set<String> lowerCase(String... names) {
        return Arrays.stream(names).map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
