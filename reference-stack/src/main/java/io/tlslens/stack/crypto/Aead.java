package io.tlslens.stack.crypto;

import javax.crypto.AEADBadTagException;

/**
 * An AEAD keyed for one direction of one epoch (RFC 5116), with a 12-byte nonce. Not thread-safe.
 * Sealing twice with one nonce is refused (the JDK's ciphers guard against that misuse), so an
 * instance either seals or opens.
 */
public interface Aead {

    int tagLength();

    /** Encrypts {@code plaintext} and appends the tag. */
    byte[] seal(byte[] nonce, byte[] additionalData, byte[] plaintext);

    /** Decrypts and checks the tag; the record layer turns the failure into bad_record_mac. */
    byte[] open(byte[] nonce, byte[] additionalData, byte[] ciphertext) throws AEADBadTagException;
}
