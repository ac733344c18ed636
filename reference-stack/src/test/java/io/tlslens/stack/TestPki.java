package io.tlslens.stack;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test certificates made on the fly: one ECDSA P-256 CA that issues leaves of every key type the
 * stack signs with. JCA key generation and signing (SunEC, SunRsaSign), bcpkix for the X.509 encoding.
 */
final class TestPki {
    /** The leaf key types of the test matrix. */
    enum KeyType {
        EC_P256("EC", "secp256r1"),
        EC_P384("EC", "secp384r1"),
        RSA_2048("RSA", null),
        RSASSA_PSS("RSASSA-PSS", null),
        ED25519("Ed25519", null);

        final String algorithm;
        final String curve;

        KeyType(String algorithm, String curve) {
            this.algorithm = algorithm;
            this.curve = curve;
        }
    }

    final KeyPair caKeys;
    final X509Certificate ca;
    private long serial = 1;

    TestPki(String caName) {
        try {
            caKeys = generate(KeyType.EC_P256);
            ca = certificate(new X500Principal("CN=" + caName), caKeys.getPublic(), true, null);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A leaf for {@code host} with a {@code type} key, issued by this CA. */
    CertifiedKey issue(String host, KeyType type) {
        try {
            KeyPair keys = generate(type);
            X509Certificate leaf = certificate(new X500Principal("CN=" + host), keys.getPublic(), false, host);
            return new CertifiedKey(List.of(leaf, ca), keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trusts chains whose last certificate is signed by this CA; every other chain is refused. */
    PeerVerifier verifier() {
        return (chain, authType, handshake) -> {
            X509Certificate last = chain.get(chain.size() - 1);
            try {
                last.verify(ca.getPublicKey());
                for (int i = 0; i + 1 < chain.size(); i++) {
                    chain.get(i).verify(chain.get(i + 1).getPublicKey());
                }
            } catch (GeneralSecurityException e) {
                throw new CertificateException("not issued by " + ca.getSubjectX500Principal().getName(), e);
            }
        };
    }

    /** Credentials that always offer {@code key}. */
    static Credentials credentials(CertifiedKey key) {
        return new Credentials() {
            @Override
            public Optional<CertifiedKey> serverCredential(List<Integer> schemes, List<X500Principal> authorities,
                    HandshakeView handshake) {
                return Optional.of(key);
            }

            @Override
            public Optional<CertifiedKey> clientCredential(List<Integer> schemes, List<X500Principal> authorities,
                    HandshakeView handshake) {
                return Optional.of(key);
            }
        };
    }

    private static KeyPair generate(KeyType type) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(type.algorithm);
        if (type.curve != null) {
            generator.initialize(new ECGenParameterSpec(type.curve));
        } else if (!type.algorithm.equals("Ed25519")) {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    private X509Certificate certificate(X500Principal subject, PublicKey key, boolean isCa, String host)
            throws GeneralSecurityException, OperatorCreationException {
        long now = System.currentTimeMillis();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                isCa ? subject : ca.getSubjectX500Principal(), BigInteger.valueOf(serial++),
                new Date(now - 3_600_000L), new Date(now + 86_400_000L), subject, key);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            if (host != null) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, host)));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
    }
}
