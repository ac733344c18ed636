package io.tlslens.stack.crypto;

import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.SignatureScheme;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * The reference stack's crypto on Bouncy Castle's lightweight API, which is never registered as a
 * JCA provider (the agent relocates Bouncy Castle, and the application may carry its own). The one
 * exception is the AEADs, which go through the JDK's own SunJCE: its AES-GCM is backed by CPU
 * intrinsics, and even its ChaCha20-Poly1305 beats Bouncy Castle's. Measured once (a throwaway
 * loop, seal then open of 16 KiB records, two runs on a shared 2-core machine, MB/s):
 * <pre>
 *                               JDK 17        JDK 25
 *   AES-128-GCM        SunJCE   1859, 1931    3003, 1739
 *                      BC         53,   51      61,   47
 *   ChaCha20-Poly1305  SunJCE    125          1053,  300
 *                      BC         58            72,   48
 * </pre>
 *
 * <p>Keys for signing and verifying come from JCA key managers and certificates; they are converted
 * through their standard encodings (PKCS#8, SubjectPublicKeyInfo), so a key whose provider does not
 * export its encoding (an HSM key) cannot be used here.
 */
public final class BcTlsCrypto implements TlsCrypto {
    private final SecureRandom random;

    /** A provider with a fresh {@link SecureRandom}. */
    public BcTlsCrypto() {
        this(new SecureRandom());
    }

    public BcTlsCrypto(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public SecureRandom random() {
        return random;
    }

    @Override
    public boolean supportsGroup(int namedGroup) {
        return namedGroup == NamedGroup.x25519 || namedGroup == NamedGroup.secp256r1
                || namedGroup == NamedGroup.secp384r1;
    }

    @Override
    public KeyShare generateKeyShare(int namedGroup) {
        switch (namedGroup) {
            case NamedGroup.x25519:
                return new X25519KeyShare(random);
            case NamedGroup.secp256r1:
                return new EcdhKeyShare(namedGroup, CustomNamedCurves.getByName("secp256r1"), random);
            case NamedGroup.secp384r1:
                return new EcdhKeyShare(namedGroup, CustomNamedCurves.getByName("secp384r1"), random);
            default:
                throw new IllegalArgumentException("unsupported group " + NamedGroup.name(namedGroup));
        }
    }

    @Override
    public HashFunction hash(String name) {
        switch (name) {
            case "SHA-256":
                return BcHash.SHA256;
            case "SHA-384":
                return BcHash.SHA384;
            default:
                throw new IllegalArgumentException("unsupported hash " + name);
        }
    }

    @Override
    public boolean supportsCipherSuite(int cipherSuite) {
        switch (cipherSuite) {
            case CipherSuite.TLS_AES_128_GCM_SHA256:
            case CipherSuite.TLS_AES_256_GCM_SHA384:
            case CipherSuite.TLS_CHACHA20_POLY1305_SHA256:
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256:
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384:
            case CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256:
            case CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384:
            case CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256:
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256:
                return true;
            default:
                return false;
        }
    }

    @Override
    public Aead aead(int cipherSuite, byte[] key) {
        switch (cipherSuite) {
            case CipherSuite.TLS_AES_128_GCM_SHA256:
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256:
            case CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256:
                return JcaAead.aesGcm(requireLength(key, 16));
            case CipherSuite.TLS_AES_256_GCM_SHA384:
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384:
            case CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384:
                return JcaAead.aesGcm(requireLength(key, 32));
            case CipherSuite.TLS_CHACHA20_POLY1305_SHA256:
            case CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256:
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256:
                return JcaAead.chaCha20Poly1305(requireLength(key, 32));
            default:
                throw new IllegalArgumentException("unsupported cipher suite " + CipherSuite.name(cipherSuite));
        }
    }

    @Override
    public boolean supportsSignatureScheme(int signatureScheme) {
        return SignatureAlgorithm.byCode(signatureScheme) != null;
    }

    @Override
    public boolean canSign(int version, int signatureScheme, PrivateKey key) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.byCode(signatureScheme);
        byte[] encoded = key.getEncoded();
        if (algorithm == null || encoded == null) {
            return false;
        }
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(encoded);
            return algorithm.accepts(info.getPrivateKeyAlgorithm(), PrivateKeyFactory.createKey(info), curveBound(version));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public byte[] sign(int version, int signatureScheme, PrivateKey key, byte[] message) throws GeneralSecurityException {
        if (!canSign(version, signatureScheme, key)) {
            throw new GeneralSecurityException("a " + key.getAlgorithm() + " key cannot sign "
                    + SignatureScheme.name(signatureScheme));
        }
        try {
            AsymmetricKeyParameter privateKey = PrivateKeyFactory.createKey(key.getEncoded());
            Signer signer = SignatureAlgorithm.byCode(signatureScheme).signer(true, privateKey, random);
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        } catch (IOException | CryptoException e) {
            throw new GeneralSecurityException("signing failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public boolean verify(int version, int signatureScheme, PublicKey key, byte[] message, byte[] signature) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.byCode(signatureScheme);
        byte[] encoded = key.getEncoded();
        if (algorithm == null || encoded == null) {
            return false;
        }
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(encoded);
            AsymmetricKeyParameter publicKey = PublicKeyFactory.createKey(info);
            if (!algorithm.accepts(info.getAlgorithm(), publicKey, curveBound(version))) {
                return false;
            }
            Signer signer = algorithm.signer(false, publicKey, random);
            signer.update(message, 0, message.length);
            return signer.verifySignature(signature);
        } catch (IOException | RuntimeException e) {
            // a malformed key or signature is a signature that does not verify
            return false;
        }
    }

    /** TLS 1.3 ties an ECDSA scheme to its curve; TLS 1.2 lets it name the hash only. */
    private static boolean curveBound(int version) {
        return version != ProtocolVersion.TLSv1_2;
    }

    private static byte[] requireLength(byte[] key, int length) {
        if (key.length != length) {
            throw new IllegalArgumentException("AEAD key of " + key.length + " bytes, not " + length);
        }
        return key;
    }

    @Override
    public String toString() {
        return "BcTlsCrypto";
    }
}
