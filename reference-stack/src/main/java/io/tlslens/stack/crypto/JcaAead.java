package io.tlslens.stack.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.function.Function;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AEAD through the JDK's own provider (SunJCE, always present since JDK 11). Not thread-safe: one
 * Cipher per direction and epoch, re-initialised for every record with that record's nonce (JCA
 * refuses to encrypt twice under one key and nonce, which per-record nonces never do, and this
 * class leaves that safety net in place).
 */
final class JcaAead implements Aead {
    private static final int TAG_LENGTH = 16;

    private final String transformation;
    private final SecretKeySpec key;
    private final Function<byte[], AlgorithmParameterSpec> parameters;
    private Cipher cipher;
    private byte[] lastNonce;

    private JcaAead(String transformation, SecretKeySpec key, Function<byte[], AlgorithmParameterSpec> parameters) {
        this.transformation = transformation;
        this.key = key;
        this.parameters = parameters;
        this.cipher = newCipher();
    }

    private Cipher newCipher() {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " is missing from this JDK", e);
        }
    }

    /** AES-GCM with a 16-byte tag (RFC 5116 AEAD_AES_128_GCM / AEAD_AES_256_GCM). */
    static JcaAead aesGcm(byte[] key) {
        return new JcaAead("AES/GCM/NoPadding", new SecretKeySpec(key, "AES"),
                nonce -> new GCMParameterSpec(TAG_LENGTH * 8, nonce));
    }

    /** AEAD_CHACHA20_POLY1305 (RFC 8439). */
    static JcaAead chaCha20Poly1305(byte[] key) {
        return new JcaAead("ChaCha20-Poly1305", new SecretKeySpec(key, "ChaCha20"), IvParameterSpec::new);
    }

    @Override
    public int tagLength() {
        return TAG_LENGTH;
    }

    @Override
    public int seal(byte[] nonce, byte[] additionalData, ByteBuffer plaintext, ByteBuffer out) {
        lastNonce = nonce.clone();
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, parameters.apply(nonce));
            cipher.updateAAD(additionalData);
            return cipher.doFinal(plaintext, out);
        } catch (GeneralSecurityException e) {
            // a nonce of the wrong length, one that sealed before, or no room for the tag: all bugs in the caller
            throw new IllegalStateException("AEAD encryption failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public int open(byte[] nonce, byte[] additionalData, ByteBuffer ciphertext, ByteBuffer out) throws AEADBadTagException {
        if (ciphertext.remaining() < TAG_LENGTH) {
            throw new AEADBadTagException("ciphertext shorter than the tag");
        }
        if (Arrays.equals(nonce, lastNonce)) {
            // JDK 17's ChaCha20-Poly1305 refuses two inits in a row with one key and nonce even to
            // decrypt; opening the same record again is harmless and gets a fresh instance
            cipher = newCipher();
        }
        lastNonce = nonce.clone();
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, parameters.apply(nonce));
            cipher.updateAAD(additionalData);
            return cipher.doFinal(ciphertext, out);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AEAD decryption failed: " + e.getClass().getSimpleName());
        }
    }
}
