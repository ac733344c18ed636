package io.tlslens.stack.crypto;

import java.security.SecureRandom;

/**
 * A SecureRandom that hands out given bytes, in order: how a known-answer test makes the provider
 * generate a published private key through its ordinary key generation path. Fails when asked for
 * more than it holds, so a test cannot silently use other bytes.
 */
public final class FixedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    private final byte[] bytes;
    private int used;

    public FixedRandom(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        bytes = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, bytes, offset, part.length);
            offset += part.length;
        }
    }

    @Override
    public void nextBytes(byte[] out) {
        if (out.length > bytes.length - used) {
            throw new IllegalStateException("asked for " + out.length + " bytes, " + (bytes.length - used) + " left");
        }
        System.arraycopy(bytes, used, out, 0, out.length);
        used += out.length;
    }

    /** Whether every byte was handed out. */
    public boolean exhausted() {
        return used == bytes.length;
    }
}
