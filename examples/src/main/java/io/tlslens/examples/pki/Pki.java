package io.tlslens.examples.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509CertSelector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The examples' PKI, made in memory when constructed: a root CA, an intermediate CA under it, a server and
 * a client leaf issued by the intermediate, and the broken credentials the failure scenarios present.
 * Every certificate uses one {@link KeyType}. Good leaves name {@code localhost} and {@code 127.0.0.1}.
 */
public final class Pki {
    public static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1");
    public static final String WRONG_HOST = "wrong.example";
    private static final Duration LEAF_LIFETIME = Duration.ofDays(30);

    private final KeyType keyType;
    private final CertificateAuthority root;
    private final CertificateAuthority intermediate;
    private final CertificateAuthority unknownRoot;
    private final Credential server;
    private final Credential client;
    private final Credential expiredServer;
    private final Credential notYetValidServer;
    private final Credential wrongHostServer;
    private final Credential selfSignedServer;
    private final Credential unknownCaServer;
    private final Credential serverWithoutIntermediate;
    private final Credential unknownCaClient;

    public Pki(KeyType keyType) throws GeneralSecurityException {
        this(keyType, Instant.now());
    }

    public Pki(KeyType keyType, Instant now) throws GeneralSecurityException {
        this.keyType = keyType;
        root = CertificateAuthority.root("root-ca", "TLSLens Example Root CA", keyType, now);
        intermediate = root.intermediate("intermediate-ca", "TLSLens Example Intermediate CA", now);
        // A second root nobody trusts, with a name that says so, for "signed by an unknown CA".
        unknownRoot = CertificateAuthority.root("unknown-ca", "Unknown Example Root CA", keyType, now);

        LeafProfile serverProfile = serverProfile(now);
        LeafProfile clientProfile = new LeafProfile("TLSLens Example Client", LeafProfile.Purpose.CLIENT,
                List.of(), Validity.current(now, LEAF_LIFETIME));

        // The broken server credentials share the good server's key: only the certificate is at fault,
        // and one fewer key pair keeps an RSA PKI quick to make.
        KeyPair serverKeys = keyType.generate();
        KeyPair clientKeys = keyType.generate();
        server = intermediate.issue("server", serverProfile, serverKeys);
        client = intermediate.issue("client", clientProfile, clientKeys);
        expiredServer = intermediate.issue("expired-server", serverProfile.withValidity(Validity.expired(now)),
                serverKeys);
        notYetValidServer = intermediate.issue("not-yet-valid-server",
                serverProfile.withValidity(Validity.notYetValid(now)), serverKeys);
        wrongHostServer = intermediate.issue("wrong-host-server",
                serverProfile.withSubjectAltNames(List.of(WRONG_HOST)), serverKeys);
        selfSignedServer = CertificateAuthority.selfSigned("self-signed-server", serverProfile, keyType, serverKeys);
        unknownCaServer = unknownRoot.issue("unknown-ca-server", serverProfile, serverKeys);
        serverWithoutIntermediate = server.withChain("server-without-intermediate", List.of(server.certificate()));
        unknownCaClient = unknownRoot.issue("unknown-ca-client", clientProfile, clientKeys);
    }

    /** What a good server certificate of this PKI says: {@code localhost} and {@code 127.0.0.1}, valid from now. */
    public static LeafProfile serverProfile(Instant now) {
        return new LeafProfile("localhost", LeafProfile.Purpose.SERVER, LOOPBACK_NAMES,
                Validity.current(now, LEAF_LIFETIME));
    }

    public KeyType keyType() {
        return keyType;
    }

    public CertificateAuthority root() {
        return root;
    }

    public CertificateAuthority intermediate() {
        return intermediate;
    }

    /** Valid for localhost and 127.0.0.1, chain [leaf, intermediate]. */
    public Credential server() {
        return server;
    }

    /** A client-auth leaf from the same intermediate, for mutual TLS. */
    public Credential client() {
        return client;
    }

    public Credential expiredServer() {
        return expiredServer;
    }

    public Credential notYetValidServer() {
        return notYetValidServer;
    }

    /** Correctly chained, but its only subjectAltName is {@value #WRONG_HOST}. */
    public Credential wrongHostServer() {
        return wrongHostServer;
    }

    public Credential selfSignedServer() {
        return selfSignedServer;
    }

    /** Issued by a root that no trust store here contains. */
    public Credential unknownCaServer() {
        return unknownCaServer;
    }

    /** The good server certificate sent alone: the peer cannot link it to the root it trusts. */
    public Credential serverWithoutIntermediate() {
        return serverWithoutIntermediate;
    }

    /** A client-auth leaf issued by the unknown root: a server trusting our root rejects it. */
    public Credential unknownCaClient() {
        return unknownCaClient;
    }

    /** A PKCS#12 trust store with the root CA alone. */
    public KeyStore trustStore() throws GeneralSecurityException {
        KeyStore store = Credential.emptyPkcs12();
        store.setCertificateEntry("root-ca", root.certificate());
        return store;
    }

    /** PKIX trust managers anchored at the root CA. */
    public TrustManager[] trustManagers() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trustStore());
        return factory.getTrustManagers();
    }

    /**
     * PKIX trust managers anchored at the root CA that also check revocation with the JDK's
     * PKIXRevocationChecker, as {@code options} say (which of CRLs and OCSP, for which certificates,
     * and whether a check that cannot be made fails): what an application sets up for itself, no
     * system property needed.
     */
    public TrustManager[] revocationCheckingTrustManagers(Set<PKIXRevocationChecker.Option> options)
            throws GeneralSecurityException {
        PKIXRevocationChecker checker = (PKIXRevocationChecker) CertPathValidator.getInstance("PKIX")
                .getRevocationChecker();
        checker.setOptions(options);
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(trustStore(), new X509CertSelector());
        parameters.setRevocationEnabled(true);
        parameters.addCertPathChecker(checker);
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(new CertPathTrustManagerParameters(parameters));
        return factory.getTrustManagers();
    }

    public List<Credential> credentials() {
        return List.of(server, client, expiredServer, notYetValidServer, wrongHostServer, selfSignedServer,
                unknownCaServer, serverWithoutIntermediate, unknownCaClient);
    }

    /**
     * Writes every credential ({@link Credential#writeTo}), the CA certificates ({@code root-ca.pem},
     * {@code intermediate-ca.pem}, {@code unknown-ca.pem}) and {@code truststore.p12}, creating the directory.
     * The result serves {@code openssl s_server -cert server.pem -key server-key.pem -cert_chain
     * intermediate-ca.pem} and {@code openssl s_client -CAfile root-ca.pem}.
     */
    public Path writeTo(Path directory) throws IOException, GeneralSecurityException {
        Files.createDirectories(directory);
        for (Credential credential : credentials()) {
            credential.writeTo(directory);
        }
        for (CertificateAuthority ca : List.of(root, intermediate, unknownRoot)) {
            Credential.write(directory.resolve(ca.credential().name() + ".pem"),
                    Pem.certificates(List.of(ca.certificate())));
        }
        try (var out = Files.newOutputStream(directory.resolve("truststore.p12"))) {
            trustStore().store(out, Credential.PASSWORD);
        }
        return directory;
    }
}
