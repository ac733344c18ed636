package io.tlslens.wire;

/** TLS ClientCertificateType Identifiers (IANA registry; RFC 5246 §7.4.4, RFC 8422 §5.5), for TLS 1.2 CertificateRequest. */
public final class ClientCertificateType {
    public static final int rsa_sign = 1;
    public static final int dss_sign = 2;
    public static final int rsa_fixed_dh = 3;
    public static final int dss_fixed_dh = 4;
    public static final int rsa_ephemeral_dh = 5;
    public static final int dss_ephemeral_dh = 6;
    public static final int fortezza_dms = 20;
    public static final int ecdsa_sign = 64;
    public static final int rsa_fixed_ecdh = 65;
    public static final int ecdsa_fixed_ecdh = 66;
    public static final int gost_sign256 = 67;
    public static final int gost_sign512 = 68;

    private static final Registry NAMES = Registry.of(ClientCertificateType.class, 1);

    private ClientCertificateType() {
    }

    public static String name(int code) {
        return NAMES.name(code);
    }
}
