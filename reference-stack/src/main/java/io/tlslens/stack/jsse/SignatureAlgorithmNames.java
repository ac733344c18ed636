package io.tlslens.stack.jsse;

import io.tlslens.wire.SignatureScheme;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java Standard Algorithm Names of signature schemes, which is what
 * {@code ExtendedSSLSession.get*SupportedSignatureAlgorithms()} returns (and what SunJSSE's key and
 * trust managers match certificates against), e.g. {@code SHA256withECDSA}, {@code RSASSA-PSS}.
 */
final class SignatureAlgorithmNames {

    private SignatureAlgorithmNames() {
    }

    /** The names of {@code schemes} in their order; schemes without a Java name are left out. */
    static String[] of(List<Integer> schemes) {
        List<String> names = new ArrayList<>();
        for (int scheme : schemes) {
            String name = name(scheme);
            if (name != null) {
                names.add(name);
            }
        }
        return names.toArray(new String[0]);
    }

    private static String name(int scheme) {
        switch (scheme) {
            case SignatureScheme.ecdsa_secp256r1_sha256: return "SHA256withECDSA";
            case SignatureScheme.ecdsa_secp384r1_sha384: return "SHA384withECDSA";
            case SignatureScheme.ecdsa_secp521r1_sha512: return "SHA512withECDSA";
            case SignatureScheme.ecdsa_sha1: return "SHA1withECDSA";
            case SignatureScheme.ed25519: return "Ed25519";
            case SignatureScheme.ed448: return "Ed448";
            case SignatureScheme.rsa_pss_rsae_sha256:
            case SignatureScheme.rsa_pss_rsae_sha384:
            case SignatureScheme.rsa_pss_rsae_sha512:
            case SignatureScheme.rsa_pss_pss_sha256:
            case SignatureScheme.rsa_pss_pss_sha384:
            case SignatureScheme.rsa_pss_pss_sha512:
                return "RSASSA-PSS";
            case SignatureScheme.rsa_pkcs1_sha256: return "SHA256withRSA";
            case SignatureScheme.rsa_pkcs1_sha384: return "SHA384withRSA";
            case SignatureScheme.rsa_pkcs1_sha512: return "SHA512withRSA";
            case SignatureScheme.rsa_pkcs1_sha1: return "SHA1withRSA";
            default: return null;
        }
    }
}
