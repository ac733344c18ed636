package io.tlslens.agent.fingerprint;

import io.tlslens.wire.ClientHello;
import io.tlslens.wire.EcPointFormatsExtension;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JA3, the TLS client fingerprint of salesforce/ja3: {@code
 * SSLVersion,Cipher,SSLExtension,EllipticCurve,EllipticCurvePointFormat}, each value in decimal,
 * the values of a field joined by '-', and its MD5, which OpenTelemetry records as
 * {@code tls.client.ja3}.
 *
 * <p>Field by field as the reference implementation (python/ja3.py) computes them: SSLVersion is the
 * ClientHello's version field, so 771 for TLS 1.3 hellos too, since they keep 0x0303 there (RFC 8446
 * §4.1.2); the other fields are in wire order with GREASE removed; a field whose extension is
 * absent is empty ("If there are no SSL Extensions in the Client Hello, the fields are left empty").
 */
public final class Ja3 {
    private Ja3() {
    }

    /** The JA3 string, e.g. {@code 769,47-53-5-10-49161-49162-49171-49172-50-56-19-4,0-10-11,23-24-25,0}. */
    public static String of(ClientHello hello) {
        List<Integer> pointFormats = hello.extension(EcPointFormatsExtension.class)
                .map(EcPointFormatsExtension::formats).orElse(List.of());
        return hello.legacyVersion()
                + "," + decimals(Codes.withoutGrease(hello.cipherSuites()))
                + "," + decimals(Codes.extensionTypes(hello))
                + "," + decimals(Codes.withoutGrease(hello.supportedGroups()))
                // Point formats are 8-bit and so never GREASE; filtered anyway, as the reference does,
                // so that every field goes through the same rule.
                + "," + decimals(Codes.withoutGrease(pointFormats));
    }

    /** The MD5 of {@link #of}, 32 lowercase hex digits: the value of {@code tls.client.ja3}. */
    public static String hash(ClientHello hello) {
        return Digests.md5(of(hello));
    }

    private static String decimals(List<Integer> codes) {
        return codes.stream().map(String::valueOf).collect(Collectors.joining("-"));
    }
}
