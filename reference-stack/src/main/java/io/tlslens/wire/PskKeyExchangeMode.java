package io.tlslens.wire;

/** TLS PskKeyExchangeMode (IANA registry; RFC 8446 §4.2.9). */
public final class PskKeyExchangeMode {
    public static final int psk_ke = 0;
    public static final int psk_dhe_ke = 1;

    private static final Registry NAMES = Registry.of(PskKeyExchangeMode.class, 1);

    private PskKeyExchangeMode() {
    }

    public static String name(int code) {
        return NAMES.name(code);
    }
}
