package io.tlslens.wire;

/** TLS CompressionMethod (IANA registry; RFC 5246 §7.4.1.2, RFC 3749). TLS 1.3 allows only null. */
public final class CompressionMethod {
    public static final int NULL = 0;
    public static final int DEFLATE = 1;

    private static final Registry NAMES = Registry.of(CompressionMethod.class, 1);

    private CompressionMethod() {
    }

    public static String name(int code) {
        return NAMES.name(code);
    }
}
