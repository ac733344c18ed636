package io.tlslens.stack.crypto;

import java.nio.ByteBuffer;
import javax.crypto.AEADBadTagException;

/**
 * An AEAD keyed for one direction of one epoch (RFC 5116), with a 12-byte nonce. Not thread-safe.
 * Sealing twice with one nonce is refused (the JDK's ciphers guard against that misuse), so an
 * instance either seals or opens.
 *
 * <p>The buffer methods are what the record layer uses: they read and write where the record is
 * built or arrived, so a record's bytes are not copied around the cipher. The array methods are
 * the same operations on whole arrays.
 */
public interface Aead {

    int tagLength();

    /**
     * Encrypts the remaining bytes of {@code plaintext} into {@code out} followed by the tag, and
     * returns how many bytes it wrote; both positions advance. {@code out} may view the very bytes
     * of {@code plaintext}, from the same position: the ciphertext then replaces the plaintext in
     * place.
     */
    int seal(byte[] nonce, byte[] additionalData, ByteBuffer plaintext, ByteBuffer out);

    /**
     * Checks the tag of the remaining bytes of {@code ciphertext} (ciphertext and tag) and decrypts
     * them into {@code out}, returning the plaintext's length; both positions advance. In place is
     * allowed as in {@link #seal(byte[], byte[], ByteBuffer, ByteBuffer)}. The record layer turns
     * the failure into bad_record_mac; what {@code out} holds after a failure is not plaintext.
     */
    int open(byte[] nonce, byte[] additionalData, ByteBuffer ciphertext, ByteBuffer out) throws AEADBadTagException;

    /** Encrypts {@code plaintext} and appends the tag. */
    default byte[] seal(byte[] nonce, byte[] additionalData, byte[] plaintext) {
        byte[] sealed = new byte[plaintext.length + tagLength()];
        seal(nonce, additionalData, ByteBuffer.wrap(plaintext), ByteBuffer.wrap(sealed));
        return sealed;
    }

    /** Decrypts and checks the tag. */
    default byte[] open(byte[] nonce, byte[] additionalData, byte[] ciphertext) throws AEADBadTagException {
        if (ciphertext.length < tagLength()) {
            throw new AEADBadTagException("ciphertext shorter than the tag");
        }
        byte[] plaintext = new byte[ciphertext.length - tagLength()];
        open(nonce, additionalData, ByteBuffer.wrap(ciphertext), ByteBuffer.wrap(plaintext));
        return plaintext;
    }
}
