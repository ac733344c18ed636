package io.tlslens.wire;

/** TLS Certificate Compression Algorithm IDs (IANA registry; RFC 8879 §7.3). */
public final class CertificateCompressionAlgorithm {
    public static final int zlib = 1;
    public static final int brotli = 2;
    public static final int zstd = 3;

    private static final Registry NAMES = Registry.of(CertificateCompressionAlgorithm.class, 2);

    private CertificateCompressionAlgorithm() {
    }

    public static String name(int code) {
        return NAMES.name(code);
    }
}
