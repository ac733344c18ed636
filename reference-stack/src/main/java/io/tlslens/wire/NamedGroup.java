package io.tlslens.wire;

/**
 * TLS Supported Groups (IANA registry; RFC 8446 §4.2.7, RFC 8422, RFC 7919, RFC 8734, RFC 9189,
 * draft-ietf-tls-mlkem, draft-ietf-tls-ecdhe-mlkem). Field names are the IANA names, which are also
 * the values OpenTelemetry's {@code tls.curve} expects.
 */
public final class NamedGroup {
    public static final int sect163k1 = 0x0001;
    public static final int sect163r1 = 0x0002;
    public static final int sect163r2 = 0x0003;
    public static final int sect193r1 = 0x0004;
    public static final int sect193r2 = 0x0005;
    public static final int sect233k1 = 0x0006;
    public static final int sect233r1 = 0x0007;
    public static final int sect239k1 = 0x0008;
    public static final int sect283k1 = 0x0009;
    public static final int sect283r1 = 0x000A;
    public static final int sect409k1 = 0x000B;
    public static final int sect409r1 = 0x000C;
    public static final int sect571k1 = 0x000D;
    public static final int sect571r1 = 0x000E;
    public static final int secp160k1 = 0x000F;
    public static final int secp160r1 = 0x0010;
    public static final int secp160r2 = 0x0011;
    public static final int secp192k1 = 0x0012;
    public static final int secp192r1 = 0x0013;
    public static final int secp224k1 = 0x0014;
    public static final int secp224r1 = 0x0015;
    public static final int secp256k1 = 0x0016;
    public static final int secp256r1 = 0x0017;
    public static final int secp384r1 = 0x0018;
    public static final int secp521r1 = 0x0019;
    public static final int brainpoolP256r1 = 0x001A;
    public static final int brainpoolP384r1 = 0x001B;
    public static final int brainpoolP512r1 = 0x001C;
    public static final int x25519 = 0x001D;
    public static final int x448 = 0x001E;
    public static final int brainpoolP256r1tls13 = 0x001F;
    public static final int brainpoolP384r1tls13 = 0x0020;
    public static final int brainpoolP512r1tls13 = 0x0021;
    public static final int GC256A = 0x0022;
    public static final int GC256B = 0x0023;
    public static final int GC256C = 0x0024;
    public static final int GC256D = 0x0025;
    public static final int GC512A = 0x0026;
    public static final int GC512B = 0x0027;
    public static final int GC512C = 0x0028;
    public static final int curveSM2 = 0x0029;
    public static final int ffdhe2048 = 0x0100;
    public static final int ffdhe3072 = 0x0101;
    public static final int ffdhe4096 = 0x0102;
    public static final int ffdhe6144 = 0x0103;
    public static final int ffdhe8192 = 0x0104;
    public static final int MLKEM512 = 0x0200;
    public static final int MLKEM768 = 0x0201;
    public static final int MLKEM1024 = 0x0202;
    public static final int SecP256r1MLKEM768 = 0x11EB;
    public static final int X25519MLKEM768 = 0x11EC;
    public static final int SecP384r1MLKEM1024 = 0x11ED;
    public static final int X25519Kyber768Draft00 = 0x6399;
    public static final int SecP256r1Kyber768Draft00 = 0x639A;
    public static final int arbitrary_explicit_prime_curves = 0xFF01;
    public static final int arbitrary_explicit_char2_curves = 0xFF02;

    private static final Registry NAMES = Registry.withGrease(NamedGroup.class, 2);

    private NamedGroup() {
    }

    /** The IANA name, e.g. {@code x25519}, {@code X25519MLKEM768}, {@code GREASE(0x0a0a)}. */
    public static String name(int code) {
        return NAMES.name(code);
    }
}
