package io.tlslens.stack;

import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.SignatureScheme;
import java.util.List;

/** What the reference stack enables unless told otherwise, in preference order. */
public final class Defaults {
    public static final List<Integer> VERSIONS = List.of(ProtocolVersion.TLSv1_3, ProtocolVersion.TLSv1_2);

    public static final List<Integer> CIPHER_SUITES = List.of(
            CipherSuite.TLS_AES_128_GCM_SHA256,
            CipherSuite.TLS_AES_256_GCM_SHA384,
            CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256);

    public static final List<Integer> GROUPS = List.of(NamedGroup.x25519, NamedGroup.secp256r1, NamedGroup.secp384r1);

    public static final List<Integer> KEY_SHARE_GROUPS = List.of(NamedGroup.x25519);

    public static final List<Integer> SIGNATURE_SCHEMES = List.of(
            SignatureScheme.ecdsa_secp256r1_sha256,
            SignatureScheme.ecdsa_secp384r1_sha384,
            SignatureScheme.ed25519,
            SignatureScheme.rsa_pss_rsae_sha256,
            SignatureScheme.rsa_pss_rsae_sha384,
            SignatureScheme.rsa_pss_rsae_sha512,
            SignatureScheme.rsa_pss_pss_sha256,
            SignatureScheme.rsa_pss_pss_sha384,
            SignatureScheme.rsa_pss_pss_sha512,
            SignatureScheme.rsa_pkcs1_sha256,
            SignatureScheme.rsa_pkcs1_sha384,
            SignatureScheme.rsa_pkcs1_sha512);

    /** RFC 8449: the TLS 1.3 maximum, 2^14 plus one byte of content type. */
    static final int RECORD_SIZE_LIMIT = (1 << 14) + 1;

    private Defaults() {
    }
}
