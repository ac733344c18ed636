package io.tlslens.stack.crypto;

import io.tlslens.wire.SignatureScheme;
import java.security.SecureRandom;
import java.util.Set;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * The signature schemes the reference stack signs and verifies (RFC 8446 §4.2.3), each with the key
 * it needs and the Bouncy Castle signer that produces it. ECDSA schemes name their curve, as in
 * TLS 1.3; RSASSA-PSS uses MGF1 with the same hash and a salt as long as the hash.
 */
enum SignatureAlgorithm {
    ECDSA_SECP256R1_SHA256(SignatureScheme.ecdsa_secp256r1_sha256, KeyType.EC, SECObjectIdentifiers.secp256r1, SHA256Digest::new),
    ECDSA_SECP384R1_SHA384(SignatureScheme.ecdsa_secp384r1_sha384, KeyType.EC, SECObjectIdentifiers.secp384r1, SHA384Digest::new),
    RSA_PSS_RSAE_SHA256(SignatureScheme.rsa_pss_rsae_sha256, KeyType.RSA_PSS_RSAE, null, SHA256Digest::new),
    RSA_PSS_RSAE_SHA384(SignatureScheme.rsa_pss_rsae_sha384, KeyType.RSA_PSS_RSAE, null, SHA384Digest::new),
    RSA_PSS_RSAE_SHA512(SignatureScheme.rsa_pss_rsae_sha512, KeyType.RSA_PSS_RSAE, null, SHA512Digest::new),
    RSA_PSS_PSS_SHA256(SignatureScheme.rsa_pss_pss_sha256, KeyType.RSA_PSS_PSS, null, SHA256Digest::new),
    RSA_PSS_PSS_SHA384(SignatureScheme.rsa_pss_pss_sha384, KeyType.RSA_PSS_PSS, null, SHA384Digest::new),
    RSA_PSS_PSS_SHA512(SignatureScheme.rsa_pss_pss_sha512, KeyType.RSA_PSS_PSS, null, SHA512Digest::new),
    ED25519(SignatureScheme.ed25519, KeyType.ED25519, null, null),
    RSA_PKCS1_SHA256(SignatureScheme.rsa_pkcs1_sha256, KeyType.RSA_PKCS1, null, SHA256Digest::new),
    RSA_PKCS1_SHA384(SignatureScheme.rsa_pkcs1_sha384, KeyType.RSA_PKCS1, null, SHA384Digest::new),
    RSA_PKCS1_SHA512(SignatureScheme.rsa_pkcs1_sha512, KeyType.RSA_PKCS1, null, SHA512Digest::new);

    /** The key a scheme needs, by the algorithm identifier in its PKCS#8 / SubjectPublicKeyInfo encoding. */
    enum KeyType {
        EC(X9ObjectIdentifiers.id_ecPublicKey),
        /** rsa_pss_rsae_*: an rsaEncryption key (RFC 8446 §4.2.3). */
        RSA_PSS_RSAE(PKCSObjectIdentifiers.rsaEncryption),
        /** rsa_pss_pss_*: an RSASSA-PSS key, which can do nothing else. */
        RSA_PSS_PSS(PKCSObjectIdentifiers.id_RSASSA_PSS),
        /** id-Ed25519 (RFC 8410 §3). */
        ED25519(new ASN1ObjectIdentifier("1.3.101.112")),
        RSA_PKCS1(PKCSObjectIdentifiers.rsaEncryption);

        final ASN1ObjectIdentifier algorithm;

        KeyType(ASN1ObjectIdentifier algorithm) {
            this.algorithm = algorithm;
        }
    }

    /** The curves an ECDSA key may be on when the scheme does not name one (TLS 1.2). */
    private static final Set<ASN1Encodable> ECDSA_CURVES = Set.of(SECObjectIdentifiers.secp256r1, SECObjectIdentifiers.secp384r1);

    private final int code;
    private final KeyType keyType;
    private final ASN1ObjectIdentifier curve;
    private final Supplier<Digest> digest;

    SignatureAlgorithm(int code, KeyType keyType, ASN1ObjectIdentifier curve, Supplier<Digest> digest) {
        this.code = code;
        this.keyType = keyType;
        this.curve = curve;
        this.digest = digest;
    }

    static SignatureAlgorithm byCode(int code) {
        for (SignatureAlgorithm a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        return null;
    }

    /**
     * Whether a key with algorithm identifier {@code algorithm} and parameters {@code key} can make
     * (or check) this scheme's signatures: the right key type, for ECDSA the scheme's curve when
     * {@code curveBound} (TLS 1.3; in TLS 1.2 a curve the provider supports), for RSA a modulus
     * large enough, and for an RSASSA-PSS key whose parameters name a hash, that hash.
     */
    boolean accepts(AlgorithmIdentifier algorithm, AsymmetricKeyParameter key, boolean curveBound) {
        if (!algorithm.getAlgorithm().equals(keyType.algorithm)) {
            return false;
        }
        switch (keyType) {
            case EC:
                return curveBound ? curve.equals(algorithm.getParameters()) : ECDSA_CURVES.contains(algorithm.getParameters());
            case RSA_PSS_PSS:
                if (!pssParametersAllow(algorithm.getParameters())) {
                    return false;
                }
                return fitsModulus(((RSAKeyParameters) key).getModulus().bitLength());
            case RSA_PSS_RSAE:
            case RSA_PKCS1:
                return fitsModulus(((RSAKeyParameters) key).getModulus().bitLength());
            default:
                return true;
        }
    }

    /** RFC 8446 §4.2.3: an RSASSA-PSS key restricted to one hash can only sign with that hash. */
    private boolean pssParametersAllow(ASN1Encodable parameters) {
        if (parameters == null || parameters instanceof ASN1Null) {
            return true;
        }
        ASN1ObjectIdentifier keyHash = RSASSAPSSparams.getInstance(parameters).getHashAlgorithm().getAlgorithm();
        return keyHash.equals(digestOid());
    }

    private ASN1ObjectIdentifier digestOid() {
        switch (digest.get().getDigestSize()) {
            case 32:
                return NISTObjectIdentifiers.id_sha256;
            case 48:
                return NISTObjectIdentifiers.id_sha384;
            default:
                return NISTObjectIdentifiers.id_sha512;
        }
    }

    /**
     * Whether an RSA key with a {@code modulusBits}-bit modulus can produce this scheme: RSASSA-PSS
     * needs {@code emLen >= hLen + sLen + 2} (RFC 8017 §9.1.1, sLen = hLen), PKCS#1 v1.5 needs room for
     * the DigestInfo and 11 bytes of padding (§9.2).
     */
    private boolean fitsModulus(int modulusBits) {
        int hashLength = digest.get().getDigestSize();
        if (keyType == KeyType.RSA_PKCS1) {
            int digestInfoLength = 19 + hashLength;
            return (modulusBits + 7) / 8 >= digestInfoLength + 11;
        }
        return (modulusBits - 1 + 7) / 8 >= 2 * hashLength + 2;
    }

    /** A fresh signer, initialised with {@code key} (private to sign, public to verify). */
    Signer signer(boolean forSigning, CipherParameters key, SecureRandom random) {
        Signer signer = newSigner();
        boolean rsa = keyType != KeyType.EC && keyType != KeyType.ED25519;
        // RSA signing uses the random for blinding, PSS for its salt; ECDSA uses RFC 6979 nonces.
        signer.init(forSigning, forSigning && rsa ? new ParametersWithRandom(key, random) : key);
        return signer;
    }

    private Signer newSigner() {
        switch (keyType) {
            case EC:
                return new DSADigestSigner(new ECDSASigner(new HMacDSAKCalculator(digest.get())), digest.get(),
                        StandardDSAEncoding.INSTANCE);
            case RSA_PSS_RSAE:
            case RSA_PSS_PSS:
                int saltLength = digest.get().getDigestSize();
                return new PSSSigner(new RSABlindedEngine(), digest.get(), digest.get(), saltLength);
            case ED25519:
                return new Ed25519Signer();
            case RSA_PKCS1:
                return new RSADigestSigner(digest.get());
            default:
                throw new AssertionError(keyType);
        }
    }
}
