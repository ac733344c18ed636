package io.tlslens.wire;

/** TLS AlertLevel (RFC 5246 §7.2; RFC 8446 §6 keeps the field but ignores it except for close_notify). */
public final class AlertLevel {
    public static final int warning = 1;
    public static final int fatal = 2;

    private static final Registry NAMES = Registry.of(AlertLevel.class, 1);

    private AlertLevel() {
    }

    public static String name(int code) {
        return NAMES.name(code);
    }
}
