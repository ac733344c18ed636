package io.tlslens.stack.tls12;

import io.tlslens.stack.crypto.HashFunction;
import io.tlslens.stack.crypto.TlsCrypto;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.SignatureScheme;
import java.util.Optional;

/**
 * The TLS 1.2 suites the reference stack implements: ECDHE key exchange, ECDSA or RSA
 * authentication, AEAD record protection (RFC 5289, RFC 7905). Each fixes the PRF hash, the AEAD
 * key length and how the record nonce is built.
 */
enum Tls12CipherSuite {
    ECDHE_ECDSA_WITH_AES_128_GCM_SHA256(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, Authentication.ECDSA, "SHA-256", 16, Nonce.GCM),
    ECDHE_ECDSA_WITH_AES_256_GCM_SHA384(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, Authentication.ECDSA, "SHA-384", 32, Nonce.GCM),
    ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256(CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, Authentication.ECDSA, "SHA-256", 32, Nonce.CHACHA20_POLY1305),
    ECDHE_RSA_WITH_AES_128_GCM_SHA256(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, Authentication.RSA, "SHA-256", 16, Nonce.GCM),
    ECDHE_RSA_WITH_AES_256_GCM_SHA384(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, Authentication.RSA, "SHA-384", 32, Nonce.GCM),
    ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, Authentication.RSA, "SHA-256", 32, Nonce.CHACHA20_POLY1305);

    /** Which certificate key signs the ServerKeyExchange. */
    enum Authentication {
        ECDSA("ECDHE_ECDSA"),
        RSA("ECDHE_RSA");

        /** The JSSE authType a trust manager is given for the server's chain. */
        final String jsseAuthType;

        Authentication(String jsseAuthType) {
            this.jsseAuthType = jsseAuthType;
        }

        /**
         * Whether {@code scheme} signs for this authentication: ecdsa_* and EdDSA (RFC 8422 §5.1.3)
         * for ECDSA suites; rsa_pkcs1_* and RSASSA-PSS (RFC 8446 §4.2.3 applies them to TLS 1.2)
         * for RSA suites.
         */
        boolean allows(int scheme) {
            switch (scheme) {
                case SignatureScheme.ecdsa_secp256r1_sha256:
                case SignatureScheme.ecdsa_secp384r1_sha384:
                case SignatureScheme.ecdsa_secp521r1_sha512:
                case SignatureScheme.ed25519:
                    return this == ECDSA;
                case SignatureScheme.rsa_pkcs1_sha256:
                case SignatureScheme.rsa_pkcs1_sha384:
                case SignatureScheme.rsa_pkcs1_sha512:
                case SignatureScheme.rsa_pss_rsae_sha256:
                case SignatureScheme.rsa_pss_rsae_sha384:
                case SignatureScheme.rsa_pss_rsae_sha512:
                case SignatureScheme.rsa_pss_pss_sha256:
                case SignatureScheme.rsa_pss_pss_sha384:
                case SignatureScheme.rsa_pss_pss_sha512:
                    return this == RSA;
                default:
                    return false;
            }
        }
    }

    /** How a record's 12-byte AEAD nonce is made from the write IV and the sequence number. */
    enum Nonce {
        /** RFC 5288 §3: a 4-byte salt from the key block, then 8 explicit bytes sent in the record (the sequence number). */
        GCM(4, 8),
        /** RFC 7905 §2: a 12-byte IV XORed with the sequence number; nothing explicit. */
        CHACHA20_POLY1305(12, 0);

        final int fixedIvLength;
        final int explicitLength;

        Nonce(int fixedIvLength, int explicitLength) {
            this.fixedIvLength = fixedIvLength;
            this.explicitLength = explicitLength;
        }
    }

    private final int code;
    final Authentication authentication;
    private final String hashName;
    final int keyLength;
    final Nonce nonce;

    Tls12CipherSuite(int code, Authentication authentication, String hashName, int keyLength, Nonce nonce) {
        this.code = code;
        this.authentication = authentication;
        this.hashName = hashName;
        this.keyLength = keyLength;
        this.nonce = nonce;
    }

    static Optional<Tls12CipherSuite> byCode(int code) {
        for (Tls12CipherSuite s : values()) {
            if (s.code == code) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    int code() {
        return code;
    }

    /** The PRF hash (RFC 5246 §5), which is also the Finished and session hash. */
    HashFunction hash(TlsCrypto crypto) {
        return crypto.hash(hashName);
    }
}
