package io.tlslens.wire;

/**
 * ProtocolVersion values (RFC 8446 §4.1.2 and B.3.1.1, RFC 5246, RFC 6347, RFC 9147). Names are the
 * ones SunJSSE uses ({@code TLSv1.3}); {@link #shortVersion(int)} gives the form OpenTelemetry's
 * {@code tls.protocol.version} wants ({@code 1.3}).
 */
public final class ProtocolVersion {
    /** The version field of an SSLv2-compatible ClientHello, which SunJSSE calls SSLv2Hello. */
    public static final int SSLv2Hello = 0x0002;
    public static final int SSLv3 = 0x0300;
    public static final int TLSv1 = 0x0301;
    public static final int TLSv1_1 = 0x0302;
    public static final int TLSv1_2 = 0x0303;
    public static final int TLSv1_3 = 0x0304;
    public static final int DTLSv1_0 = 0xFEFF;
    public static final int DTLSv1_2 = 0xFEFD;
    public static final int DTLSv1_3 = 0xFEFC;

    private static final Registry NAMES = Registry.withGrease(ProtocolVersion.class, 2)
            .add(TLSv1_1, "TLSv1.1").add(TLSv1_2, "TLSv1.2").add(TLSv1_3, "TLSv1.3")
            .add(DTLSv1_0, "DTLSv1.0").add(DTLSv1_2, "DTLSv1.2").add(DTLSv1_3, "DTLSv1.3");

    private ProtocolVersion() {
    }

    /** The JDK's name, e.g. {@code TLSv1.3}, {@code SSLv3}, {@code GREASE(0x0a0a)}, {@code unknown(0x7f1c)}. */
    public static String name(int code) {
        return NAMES.name(code);
    }

    /**
     * The numeric part of the JDK's name, as OpenTelemetry's {@code tls.protocol.version} defines
     * it ("parsed from the original string"): {@code 1.3}, {@code 1.2}, {@code 1.1}, {@code 1} for
     * TLSv1, {@code 3} for SSLv3; the full name for values without one.
     */
    public static String shortVersion(int code) {
        switch (code) {
            case SSLv3: return "3";
            case TLSv1: return "1";
            case TLSv1_1: return "1.1";
            case TLSv1_2: case DTLSv1_2: return "1.2";
            case TLSv1_3: case DTLSv1_3: return "1.3";
            case DTLSv1_0: return "1.0";
            default: return name(code);
        }
    }

    /** {@code tls}, {@code ssl} or {@code dtls}, for OpenTelemetry's {@code tls.protocol.name}. */
    public static String protocolName(int code) {
        if (code == SSLv3 || code == SSLv2Hello) {
            return "ssl";
        }
        return code >= DTLSv1_3 && code <= DTLSv1_0 ? "dtls" : "tls";
    }

    /** True when messages take their TLS 1.3 shapes (RFC 8446 §4): Certificate, CertificateRequest, ... */
    static boolean isTls13(int version) {
        return version == TLSv1_3;
    }

    /** True when signatures carry their algorithm (RFC 5246 §4.7 digitally-signed, TLS 1.2 and later). */
    static boolean hasSignatureAlgorithm(int version) {
        return version >= TLSv1_2 && version < 0x0400;
    }
}
