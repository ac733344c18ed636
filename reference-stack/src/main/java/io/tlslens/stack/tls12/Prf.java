package io.tlslens.stack.tls12;

import io.tlslens.stack.crypto.HashFunction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The TLS 1.2 pseudo-random function (RFC 5246 §5): {@code PRF(secret, label, seed) =
 * P_hash(secret, label + seed)}, where P_hash chains HMACs, {@code A(i) = HMAC(secret, A(i-1))},
 * and outputs {@code HMAC(secret, A(i) + seed)} until it has enough bytes.
 */
final class Prf {
    private Prf() {
    }

    static byte[] prf(HashFunction hash, byte[] secret, String label, byte[] seed, int length) {
        byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
        byte[] labelAndSeed = Arrays.copyOf(labelBytes, labelBytes.length + seed.length);
        System.arraycopy(seed, 0, labelAndSeed, labelBytes.length, seed.length);
        return pHash(hash, secret, labelAndSeed, length);
    }

    private static byte[] pHash(HashFunction hash, byte[] secret, byte[] seed, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + hash.length());
        byte[] a = seed;
        while (out.size() < length) {
            a = hash.hmac(secret, a);
            byte[] aAndSeed = Arrays.copyOf(a, a.length + seed.length);
            System.arraycopy(seed, 0, aAndSeed, a.length, seed.length);
            out.writeBytes(hash.hmac(secret, aAndSeed));
        }
        return Arrays.copyOf(out.toByteArray(), length);
    }

    /** {@code a + b}. */
    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
