package io.tlslens.stack.crypto;

import io.tlslens.wire.ProtocolVersion;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;

/**
 * The primitives the reference stack is built on, behind one small interface (as rustls's
 * {@code CryptoProvider}): key exchange, hashing, AEAD and signatures. The handshake and record
 * layers name algorithms by their IANA codes only. Codes are those of the {@code io.tlslens.wire}
 * registries.
 */
public interface TlsCrypto {

    SecureRandom random();

    /** Whether {@link #generateKeyShare} supports {@code namedGroup}. */
    boolean supportsGroup(int namedGroup);

    /** A fresh ephemeral key pair for {@code namedGroup}. */
    KeyShare generateKeyShare(int namedGroup);

    /** The hash of a cipher suite's PRF/HKDF: {@code SHA-256} or {@code SHA-384}. */
    HashFunction hash(String name);

    /** Whether {@link #aead} supports the AEAD of {@code cipherSuite}. */
    boolean supportsCipherSuite(int cipherSuite);

    /** The AEAD of {@code cipherSuite} keyed with {@code key}. */
    Aead aead(int cipherSuite, byte[] key);

    /** Whether this provider can sign and verify {@code signatureScheme}. */
    boolean supportsSignatureScheme(int signatureScheme);

    /**
     * Whether {@code key} (from a key manager) can produce {@code signatureScheme} signatures in
     * TLS 1.3: the key type the scheme names (an RSASSA-PSS key makes rsa_pss_pss_* only, an
     * rsaEncryption key rsa_pss_rsae_* and rsa_pkcs1_*), the curve of an ECDSA scheme, and a
     * modulus large enough for the hash.
     */
    default boolean canSign(int signatureScheme, PrivateKey key) {
        return canSign(ProtocolVersion.TLSv1_3, signatureScheme, key);
    }

    /**
     * {@link #canSign(int, PrivateKey)} as {@code version} reads the scheme: in TLS 1.2 an ecdsa_*
     * scheme names its hash only, and a key on any supported curve signs with it (RFC 5246
     * §7.4.1.4.1, RFC 8422 §5.1.3); TLS 1.3 ties the scheme to its curve (RFC 8446 §4.2.3).
     */
    boolean canSign(int version, int signatureScheme, PrivateKey key);

    /** Signs {@code message} in TLS 1.3 (the whole of it; the scheme hashes); fails if {@link #canSign} would say no. */
    default byte[] sign(int signatureScheme, PrivateKey key, byte[] message) throws GeneralSecurityException {
        return sign(ProtocolVersion.TLSv1_3, signatureScheme, key, message);
    }

    /** Signs {@code message} as {@code version} reads the scheme. */
    byte[] sign(int version, int signatureScheme, PrivateKey key, byte[] message) throws GeneralSecurityException;

    /**
     * Whether {@code signature} is a valid TLS 1.3 {@code signatureScheme} signature of
     * {@code message} by {@code key}, under the same key rules as {@link #canSign}; a malformed key
     * or signature is simply not valid.
     */
    default boolean verify(int signatureScheme, PublicKey key, byte[] message, byte[] signature) {
        return verify(ProtocolVersion.TLSv1_3, signatureScheme, key, message, signature);
    }

    /** {@link #verify(int, PublicKey, byte[], byte[])} as {@code version} reads the scheme. */
    boolean verify(int version, int signatureScheme, PublicKey key, byte[] message, byte[] signature);

    /** One side's ephemeral key pair of a key exchange. */
    interface KeyShare {
        int group();

        /** The key_exchange bytes for KeyShareEntry / ServerECDHParams. */
        byte[] publicKey();

        /** The shared secret with the peer's key_exchange bytes; throws on an invalid peer key. */
        byte[] sharedSecret(byte[] peerPublicKey) throws GeneralSecurityException;
    }
}
