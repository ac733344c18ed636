package io.tlslens.wire;

/** TLS ContentType (IANA registry; RFC 8446 §5.1, RFC 6520, RFC 9146, RFC 9147). */
public final class ContentType {
    public static final int change_cipher_spec = 20;
    public static final int alert = 21;
    public static final int handshake = 22;
    public static final int application_data = 23;
    public static final int heartbeat = 24;
    public static final int tls12_cid = 25;
    public static final int ack = 26;

    private static final Registry NAMES = Registry.of(ContentType.class, 1);

    private ContentType() {
    }

    public static String name(int code) {
        return NAMES.name(code);
    }

    static boolean isKnown(int code) {
        return NAMES.contains(code);
    }
}
