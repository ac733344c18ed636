package io.tlslens.stack.crypto;

import java.util.Objects;

/**
 * HKDF (RFC 5869) over one {@link HashFunction}: {@code HKDF-Extract} and {@code HKDF-Expand}. The
 * TLS 1.3 labels on top of it ({@code HKDF-Expand-Label}, {@code Derive-Secret}) belong to the key
 * schedule.
 */
public final class Hkdf {
    private final HashFunction hash;

    public Hkdf(HashFunction hash) {
        this.hash = Objects.requireNonNull(hash, "hash");
    }

    /** {@code HKDF-Extract(salt, IKM)}; an empty salt stands for HashLen zero bytes (RFC 5869 §2.2). */
    public byte[] extract(byte[] salt, byte[] ikm) {
        byte[] key = salt.length == 0 ? new byte[hash.length()] : salt;
        return hash.hmac(key, ikm);
    }

    /** {@code HKDF-Expand(PRK, info, L)}, {@code L <= 255 * HashLen}. */
    public byte[] expand(byte[] prk, byte[] info, int length) {
        int hashLength = hash.length();
        if (length < 0 || length > 255 * hashLength) {
            throw new IllegalArgumentException("HKDF-Expand length " + length);
        }
        byte[] okm = new byte[length];
        byte[] t = new byte[0];
        for (int i = 1, done = 0; done < length; i++) {
            byte[] input = new byte[t.length + info.length + 1];
            System.arraycopy(t, 0, input, 0, t.length);
            System.arraycopy(info, 0, input, t.length, info.length);
            input[input.length - 1] = (byte) i;
            t = hash.hmac(prk, input);
            int n = Math.min(hashLength, length - done);
            System.arraycopy(t, 0, okm, done, n);
            done += n;
        }
        return okm;
    }
}
