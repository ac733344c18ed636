package io.tlslens.wire;

/**
 * GREASE (RFC 8701): reserved values that clients send to keep peers tolerant of unknown ones.
 * They must be kept, not filtered: fingerprints and transcripts include them.
 */
public final class Grease {
    private Grease() {
    }

    /**
     * True for the sixteen 16-bit GREASE values 0x0A0A, 0x1A1A, ... 0xFAFA, reserved in the cipher
     * suite, extension, named group, signature algorithm, version and ALPN registries.
     */
    public static boolean isGrease(int value) {
        return (value & 0x0f0f) == 0x0a0a && (value >> 8) == (value & 0xff);
    }
}
