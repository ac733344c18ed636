package io.tlslens.stack.jsse;

import io.tlslens.stack.CertifiedKey;
import io.tlslens.stack.Credentials;
import io.tlslens.stack.HandshakeView;
import io.tlslens.stack.crypto.TlsCrypto;
import io.tlslens.wire.SignatureScheme;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.security.auth.x500.X500Principal;

/**
 * The core's {@link Credentials} over the application's key manager: asks it for an alias per key
 * type the peer can verify, as SunJSSE does, and hands the core that alias's chain and key.
 */
final class KeyManagerCredentials implements Credentials {
    /** Key types in the order a server asks for them (JSSE key type names). */
    private static final List<String> KEY_TYPE_PREFERENCE = List.of("EC", "RSA", "RSASSA-PSS", "EdDSA");

    private final X509ExtendedKeyManager keyManager;
    private final ManagerCaller caller;
    private final TlsCrypto crypto;

    KeyManagerCredentials(X509ExtendedKeyManager keyManager, ManagerCaller caller, TlsCrypto crypto) {
        this.keyManager = keyManager;
        this.caller = caller;
        this.crypto = crypto;
    }

    @Override
    public Optional<CertifiedKey> serverCredential(List<Integer> peerSignatureSchemes,
            List<X500Principal> authorities, HandshakeView handshake) {
        Principal[] issuers = issuers(authorities);
        for (String keyType : keyTypes(peerSignatureSchemes)) {
            Optional<CertifiedKey> key = certifiedKey(
                    caller.chooseServerAlias(keyManager, keyType, issuers), peerSignatureSchemes);
            if (key.isPresent()) {
                return key;
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<CertifiedKey> clientCredential(List<Integer> peerSignatureSchemes,
            List<X500Principal> authorities, HandshakeView handshake) {
        String[] keyTypes = keyTypes(peerSignatureSchemes).toArray(new String[0]);
        if (keyTypes.length == 0) {
            return Optional.empty();
        }
        return certifiedKey(caller.chooseClientAlias(keyManager, keyTypes, issuers(authorities)),
                peerSignatureSchemes);
    }

    /** The alias's chain and key, when it can sign with one of the schemes the peer accepts. */
    private Optional<CertifiedKey> certifiedKey(String alias, List<Integer> peerSignatureSchemes) {
        if (alias == null) {
            return Optional.empty();
        }
        PrivateKey key = keyManager.getPrivateKey(alias);
        X509Certificate[] chain = keyManager.getCertificateChain(alias);
        if (key == null || chain == null || chain.length == 0
                || peerSignatureSchemes.stream().noneMatch(scheme -> crypto.canSign(scheme, key))) {
            return Optional.empty();
        }
        return Optional.of(new CertifiedKey(List.of(chain), key));
    }

    /** The JSSE key types that can produce one of {@code schemes}, in preference order. */
    static List<String> keyTypes(List<Integer> schemes) {
        List<String> types = new ArrayList<>();
        for (String type : KEY_TYPE_PREFERENCE) {
            if (schemes.stream().anyMatch(scheme -> type.equals(keyType(scheme)))) {
                types.add(type);
            }
        }
        return types;
    }

    private static String keyType(int scheme) {
        switch (scheme) {
            case SignatureScheme.ecdsa_secp256r1_sha256:
            case SignatureScheme.ecdsa_secp384r1_sha384:
            case SignatureScheme.ecdsa_secp521r1_sha512:
                return "EC";
            case SignatureScheme.rsa_pss_rsae_sha256:
            case SignatureScheme.rsa_pss_rsae_sha384:
            case SignatureScheme.rsa_pss_rsae_sha512:
            case SignatureScheme.rsa_pkcs1_sha256:
            case SignatureScheme.rsa_pkcs1_sha384:
            case SignatureScheme.rsa_pkcs1_sha512:
                return "RSA";
            case SignatureScheme.rsa_pss_pss_sha256:
            case SignatureScheme.rsa_pss_pss_sha384:
            case SignatureScheme.rsa_pss_pss_sha512:
                return "RSASSA-PSS";
            case SignatureScheme.ed25519:
            case SignatureScheme.ed448:
                return "EdDSA";
            default:
                return null;
        }
    }

    private static Principal[] issuers(List<X500Principal> authorities) {
        return authorities.isEmpty() ? null : authorities.toArray(new Principal[0]);
    }
}
