package io.tlslens.wire;

/** TLS EC Point Formats (IANA registry; RFC 8422 §5.1.2). */
public final class EcPointFormat {
    public static final int uncompressed = 0;
    public static final int ansiX962_compressed_prime = 1;
    public static final int ansiX962_compressed_char2 = 2;

    private static final Registry NAMES = Registry.of(EcPointFormat.class, 1);

    private EcPointFormat() {
    }

    public static String name(int code) {
        return NAMES.name(code);
    }
}
