package io.tlslens.wire;

/** TLS Certificate Status Types (IANA registry; RFC 6066 §8, RFC 6961). */
public final class CertificateStatusType {
    public static final int ocsp = 1;
    public static final int ocsp_multi = 2;

    private static final Registry NAMES = Registry.of(CertificateStatusType.class, 1);

    private CertificateStatusType() {
    }

    public static String name(int code) {
        return NAMES.name(code);
    }
}
