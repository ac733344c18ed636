package io.tlslens.agent.fingerprint;

import io.tlslens.wire.ClientHello;
import io.tlslens.wire.ExtensionType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JA4, FoxIO's TLS client fingerprint (technical_details/JA4.md), e.g.
 * {@code t13d1516h2_8daaf6152771_e5627efa2ab1}: JA4_a, a readable summary of the hello; JA4_b, the
 * cipher suites; JA4_c, the extensions and signature algorithms. {@link #raw} gives JA4_b and JA4_c
 * unhashed ({@code ja4_r}).
 *
 * <p>Lists are sorted before hashing (JA4_b, and JA4_c's extensions) so that a client that shuffles
 * its cipher suites or extensions, as Chrome does with its extensions, keeps one fingerprint.
 */
public final class Ja4 {
    /** JA4_b or JA4_c of an empty list: "rather than running a sha256 hash of nothing" (Cipher hash, Extension hash). */
    private static final String NO_VALUES = "000000000000";
    /** "truncated to 12 characters". */
    private static final int HASH_LENGTH = 12;
    /** "If there's > 99, which there should never be, then output '99'" (Number of Ciphers, Number of Extensions). */
    private static final int MAX_COUNT = 99;

    private Ja4() {
    }

    /**
     * The JA4 fingerprint. {@code quic} is whether the hello came in QUIC CRYPTO frames (JA4's "q")
     * rather than TLS records ("t"); the hello itself does not say so with certainty.
     */
    public static String of(ClientHello hello, boolean quic) {
        return a(hello, quic) + "_" + truncatedSha256(b(hello)) + "_" + truncatedSha256(c(hello));
    }

    /** The raw fingerprint {@code ja4_r}: JA4_a, then the lists that JA4_b and JA4_c hash. */
    public static String raw(ClientHello hello, boolean quic) {
        return a(hello, quic) + "_" + b(hello) + "_" + c(hello);
    }

    /**
     * JA4_a: protocol, TLS version, SNI, the counts of cipher suites and extensions, and ALPN. The
     * counts include SNI, ALPN and signalling values such as TLS_EMPTY_RENEGOTIATION_INFO_SCSV
     * (Number of Ciphers, Number of Extensions); only GREASE is left out.
     */
    private static String a(ClientHello hello, boolean quic) {
        List<Integer> extensions = Codes.extensionTypes(hello);
        return (quic ? "q" : "t")
                + Ja4Version.of(hello)
                // "If the SNI extension (0x0000) exists, then the destination ... is a domain": it is
                // the extension's presence that counts, not what name it carries.
                + (extensions.contains(ExtensionType.server_name) ? "d" : "i")
                + count(Codes.withoutGrease(hello.cipherSuites()))
                + count(extensions)
                + Ja4Alpn.of(hello);
    }

    /** JA4_b's list: the cipher suites, sorted (Cipher hash). */
    private static String b(ClientHello hello) {
        return sortedHexCodes(Codes.withoutGrease(hello.cipherSuites()));
    }

    /**
     * JA4_c's list: the extensions sorted, without SNI and ALPN, "as we've already captured them in
     * the a section", then '_' and the signature algorithms "in the order that they appear (not
     * sorted)"; without signature algorithms "the string ends without an underscore" (Extension hash).
     * The string is empty exactly when the extension list is, since signature algorithms come in an
     * extension that stays in the list.
     */
    private static String c(ClientHello hello) {
        List<Integer> extensions = new ArrayList<>(Codes.extensionTypes(hello));
        extensions.removeIf(type -> type == ExtensionType.server_name
                || type == ExtensionType.application_layer_protocol_negotiation);
        String c = sortedHexCodes(extensions);
        List<Integer> signatureAlgorithms = Codes.withoutGrease(hello.signatureAlgorithms());
        return signatureAlgorithms.isEmpty() ? c : c + "_" + hexCodes(signatureAlgorithms);
    }

    private static String count(List<Integer> codes) {
        int n = Math.min(codes.size(), MAX_COUNT);
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    /** Sorted numerically, which for 4-digit lowercase hex is the spec's "sorted in hex order". */
    private static String sortedHexCodes(List<Integer> codes) {
        List<Integer> sorted = new ArrayList<>(codes);
        Collections.sort(sorted);
        return hexCodes(sorted);
    }

    private static String hexCodes(List<Integer> codes) {
        return codes.stream().map(Hex::code).collect(Collectors.joining(","));
    }

    private static String truncatedSha256(String list) {
        return list.isEmpty() ? NO_VALUES : Digests.sha256(list).substring(0, HASH_LENGTH);
    }
}
