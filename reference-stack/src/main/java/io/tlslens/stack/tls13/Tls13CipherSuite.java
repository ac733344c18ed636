package io.tlslens.stack.tls13;

import io.tlslens.stack.crypto.HashFunction;
import io.tlslens.stack.crypto.TlsCrypto;
import io.tlslens.wire.CipherSuite;
import java.util.Optional;

/**
 * The TLS 1.3 cipher suites (RFC 8446 §B.4) the reference stack implements: an AEAD and the hash of
 * HKDF and the transcript. Every TLS 1.3 suite uses a 12-byte IV.
 */
public enum Tls13CipherSuite {
    TLS_AES_128_GCM_SHA256(CipherSuite.TLS_AES_128_GCM_SHA256, "SHA-256", 16),
    TLS_AES_256_GCM_SHA384(CipherSuite.TLS_AES_256_GCM_SHA384, "SHA-384", 32),
    TLS_CHACHA20_POLY1305_SHA256(CipherSuite.TLS_CHACHA20_POLY1305_SHA256, "SHA-256", 32);

    /** RFC 8446 §5.3: the per-record nonce is as long as the IV, 12 bytes for every suite here. */
    public static final int IV_LENGTH = 12;

    private final int code;
    private final String hashName;
    private final int keyLength;

    Tls13CipherSuite(int code, String hashName, int keyLength) {
        this.code = code;
        this.hashName = hashName;
        this.keyLength = keyLength;
    }

    /** The suite with IANA code {@code code}, if it is a TLS 1.3 suite implemented here. */
    public static Optional<Tls13CipherSuite> byCode(int code) {
        for (Tls13CipherSuite suite : values()) {
            if (suite.code == code) {
                return Optional.of(suite);
            }
        }
        return Optional.empty();
    }

    /** The IANA code, see {@link CipherSuite}. */
    public int code() {
        return code;
    }

    /** {@code SHA-256} or {@code SHA-384}, as {@link TlsCrypto#hash} names it. */
    public String hashName() {
        return hashName;
    }

    public HashFunction hash(TlsCrypto crypto) {
        return crypto.hash(hashName);
    }

    public int keyLength() {
        return keyLength;
    }

    public int ivLength() {
        return IV_LENGTH;
    }
}
