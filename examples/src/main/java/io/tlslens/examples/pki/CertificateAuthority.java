package io.tlslens.examples.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A CA that issues X.509 v3 certificates with Bouncy Castle's builders. Signing and certificate parsing go
 * through the JDK's own providers (Bouncy Castle is never registered as a JCA provider), so the examples
 * run in a JVM whose security providers are exactly the defaults the agent is meant to observe.
 */
public final class CertificateAuthority {
    private static final Duration CA_LIFETIME = Duration.ofDays(3650);
    private static final SecureRandom SERIALS = new SecureRandom();

    private final Credential credential;
    private final KeyType keyType;

    private CertificateAuthority(Credential credential, KeyType keyType) {
        this.credential = credential;
        this.keyType = keyType;
    }

    /** A self-signed root CA with a fresh key. */
    public static CertificateAuthority root(String name, String commonName, KeyType keyType, Instant now)
            throws GeneralSecurityException {
        KeyPair keys = keyType.generate();
        X500Name subject = distinguishedName(commonName);
        X509Certificate certificate = sign(subject, keys.getPrivate(), null, keyType, subject, keys.getPublic(),
                Validity.current(now, CA_LIFETIME), caExtensions());
        return new CertificateAuthority(new Credential(name, keys.getPrivate(), List.of(certificate)), keyType);
    }

    /** An intermediate CA under this one, with a fresh key; its chain is [intermediate, this CA's chain...]. */
    public CertificateAuthority intermediate(String name, String commonName, Instant now)
            throws GeneralSecurityException {
        KeyPair keys = keyType.generate();
        X509Certificate certificate = sign(subjectOf(credential.certificate()), credential.privateKey(),
                credential.certificate(), keyType, distinguishedName(commonName), keys.getPublic(),
                Validity.current(now, CA_LIFETIME), caExtensions());
        return new CertificateAuthority(new Credential(name, keys.getPrivate(), chainBelow(certificate)), keyType);
    }

    /**
     * An end-entity certificate for {@code keys}, presented with this CA's chain up to (not including) the
     * root, the way a correctly configured server sends it.
     */
    public Credential issue(String name, LeafProfile profile, KeyPair keys) throws GeneralSecurityException {
        X509Certificate certificate = sign(subjectOf(credential.certificate()), credential.privateKey(),
                credential.certificate(), keyType, distinguishedName(profile.commonName()), keys.getPublic(),
                profile.validity(), leafExtensions(profile, keyType));
        return new Credential(name, keys.getPrivate(), chainBelow(certificate));
    }

    /** An end-entity certificate that signs itself: no CA vouches for it. */
    public static Credential selfSigned(String name, LeafProfile profile, KeyType keyType, KeyPair keys)
            throws GeneralSecurityException {
        X500Name subject = distinguishedName(profile.commonName());
        X509Certificate certificate = sign(subject, keys.getPrivate(), null, keyType, subject, keys.getPublic(),
                profile.validity(), leafExtensions(profile, keyType));
        return new Credential(name, keys.getPrivate(), List.of(certificate));
    }

    public Credential credential() {
        return credential;
    }

    public KeyType keyType() {
        return keyType;
    }

    /** Signs what this CA publishes besides certificates (CRLs, OCSP responses) with its own key. */
    ContentSigner signer() throws GeneralSecurityException {
        try {
            return new JcaContentSignerBuilder(keyType.signatureAlgorithm()).build(credential.privateKey());
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign as " + credential.certificate().getSubjectX500Principal(),
                    e);
        }
    }

    public X509Certificate certificate() {
        return credential.certificate();
    }

    /** The chain a certificate issued by this CA is presented with: it, then this CA's chain minus the root. */
    private List<X509Certificate> chainBelow(X509Certificate issued) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(issued);
        for (X509Certificate ca : credential.chain()) {
            if (!isSelfSigned(ca)) {
                chain.add(ca);
            }
        }
        return chain;
    }

    private static boolean isSelfSigned(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    /** How one certificate's extensions get added; checked exceptions of the builder pass through. */
    private interface Extensions {
        void addTo(X509v3CertificateBuilder builder, JcaX509ExtensionUtils utils) throws CertIOException;
    }

    private static Extensions caExtensions() {
        return (builder, utils) -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        };
    }

    private static Extensions leafExtensions(LeafProfile profile, KeyType keyType) {
        return (builder, utils) -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            // An RSA leaf may also encipher, for TLS 1.2's RSA key exchange should a peer insist on it.
            int usage = keyType == KeyType.RSA_2048
                    ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature;
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    profile.purpose() == LeafProfile.Purpose.SERVER
                            ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
            if (!profile.subjectAltNames().isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        subjectAltNames(profile.subjectAltNames()));
            }
            if (profile.crlDistributionPoint().isPresent()) {
                DistributionPointName where = new DistributionPointName(new GeneralNames(
                        new GeneralName(GeneralName.uniformResourceIdentifier, profile.crlDistributionPoint().get())));
                builder.addExtension(Extension.cRLDistributionPoints, false,
                        new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(where, null, null)}));
            }
            if (profile.ocspResponder().isPresent()) {
                builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        X509ObjectIdentifiers.ocspAccessMethod,
                        new GeneralName(GeneralName.uniformResourceIdentifier, profile.ocspResponder().get())));
            }
        };
    }

    private static GeneralNames subjectAltNames(List<String> names) {
        GeneralName[] out = new GeneralName[names.size()];
        for (int i = 0; i < out.length; i++) {
            String name = names.get(i);
            boolean ipv4 = name.matches("[0-9]+(\\.[0-9]+){3}");
            out[i] = new GeneralName(ipv4 ? GeneralName.iPAddress : GeneralName.dNSName, name);
        }
        return new GeneralNames(out);
    }

    private static X509Certificate sign(X500Name issuer, PrivateKey issuerKey, X509Certificate issuerCertificate,
            KeyType issuerType, X500Name subject, PublicKey subjectKey, Validity validity, Extensions extensions)
            throws GeneralSecurityException {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                new BigInteger(64, SERIALS).add(BigInteger.ONE), Date.from(validity.notBefore()),
                Date.from(validity.notAfter()), subject, subjectKey);
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        try {
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            // The authority key identifier lets path building pick the right issuer among same-named CAs.
            builder.addExtension(Extension.authorityKeyIdentifier, false, issuerCertificate == null
                    ? utils.createAuthorityKeyIdentifier(subjectKey)
                    : utils.createAuthorityKeyIdentifier(issuerCertificate));
            extensions.addTo(builder, utils);
            ContentSigner signer = new JcaContentSignerBuilder(issuerType.signatureAlgorithm()).build(issuerKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (CertIOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot issue a certificate for " + subject, e);
        }
    }

    private static X500Name distinguishedName(String commonName) {
        return new X500Name("CN=" + commonName + ",O=TLSLens Examples");
    }

    private static X500Name subjectOf(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }
}
