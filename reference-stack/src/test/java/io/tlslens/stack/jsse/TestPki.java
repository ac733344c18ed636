package io.tlslens.stack.jsse;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test certificates made with bcpkix: one CA, and leaves it issues for "localhost"/127.0.0.1; key
 * and trust managers from the JDK's factories over them; SSLContexts of either provider.
 */
final class TestPki {
    private static final char[] PASSWORD = "test".toCharArray();
    private static final AtomicLong SERIAL = new AtomicLong(1);

    static final TestPki CA = new TestPki("CN=TLSLens Test CA");
    /** An ECDSA P-256 server certificate for localhost and 127.0.0.1. */
    static final Issued SERVER = CA.issue("CN=localhost", ecKeyPair(), true);
    /** An RSA 2048 server certificate for localhost and 127.0.0.1. */
    static final Issued RSA_SERVER = CA.issue("CN=localhost", rsaKeyPair(), true);
    /** An ECDSA P-256 server certificate naming only www.example.com (in its CN). */
    static final Issued OTHER_HOST = CA.issue("CN=www.example.com", ecKeyPair(), false);
    /** An ECDSA P-256 client certificate. */
    static final Issued CLIENT = CA.issue("CN=client", ecKeyPair(), false);

    private final KeyPair keyPair = ecKeyPair();
    private final X509Certificate certificate;

    private TestPki(String name) {
        this.certificate = sign(new X500Principal(name), new X500Principal(name), keyPair, keyPair.getPrivate(), true);
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** A leaf for {@code subject}; {@code server} adds the localhost names. */
    Issued issue(String subject, KeyPair leafKeys, boolean server) {
        GeneralName[] names = server ? new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}
                : new GeneralName[0];
        return issue(subject, leafKeys, names);
    }

    /** A leaf for {@code subject} with these subject alternative names. */
    Issued issue(String subject, KeyPair leafKeys, GeneralName... names) {
        X509Certificate leaf = sign(new X500Principal(subject), certificate.getSubjectX500Principal(), leafKeys,
                keyPair.getPrivate(), false, names);
        return new Issued(leaf, leafKeys.getPrivate(), certificate);
    }

    /** Trust managers that trust this CA only. */
    TrustManager[] trustManagers() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(store);
            return factory.getTrustManagers();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static SSLContext sunJsse(KeyManager[] keys, TrustManager[] trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLSv1.3", "SunJSSE");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static SSLContext tlsLens(KeyManager[] keys, TrustManager[] trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS", new TlsLensProvider());
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate with its key and issuer. */
    static final class Issued {
        final X509Certificate leaf;
        final PrivateKey key;
        final X509Certificate issuer;

        Issued(X509Certificate leaf, PrivateKey key, X509Certificate issuer) {
            this.leaf = leaf;
            this.key = key;
            this.issuer = issuer;
        }

        /** Key managers (the JDK's PKIX factory) holding this certificate. */
        KeyManager[] keyManagers() {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("key", key, PASSWORD, new X509Certificate[] {leaf, issuer});
                KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
                factory.init(store, PASSWORD);
                return factory.getKeyManagers();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static X509Certificate sign(X500Principal subject, X500Principal issuer, KeyPair subjectKeys,
            PrivateKey issuerKey, boolean ca, GeneralName... names) {
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIAL.getAndIncrement()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(30))), subject, subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            if (names.length > 0) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            String algorithm = "EC".equals(issuerKey.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
