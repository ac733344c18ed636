package io.tlslens.agent.fingerprint;

/** Lowercase hex, the form JA4 writes codes, hashes and non-alphanumeric ALPN values in. */
final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    static String of(byte[] bytes) {
        char[] out = new char[2 * bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /** A 16-bit code as JA4 lists it: "the 4 character hex values ..., lower case" (JA4.md, Cipher hash). */
    static String code(int code) {
        return new String(new char[] {
            DIGITS[(code >> 12) & 0xf], DIGITS[(code >> 8) & 0xf], DIGITS[(code >> 4) & 0xf], DIGITS[code & 0xf]});
    }
}
