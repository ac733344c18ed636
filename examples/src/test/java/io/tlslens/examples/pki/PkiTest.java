package io.tlslens.examples.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The PKI's certificates validate (or fail to) with the JDK's own PKIX validator, as JSSE will see them. */
class PkiTest {
    private static Pki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = new Pki(KeyType.EC_P256);
    }

    @Test
    void goodLeavesChainToTheRootThroughTheIntermediate() throws Exception {
        for (Credential credential : List.of(pki.server(), pki.client())) {
            assertEquals(2, credential.chain().size(), credential.name());
            assertEquals(pki.intermediate().certificate(), credential.chain().get(1));
            validate(credential.chain());
        }
    }

    @Test
    void serverNamesTheLoopbackHostAndAddress() throws Exception {
        assertEquals(List.of("localhost", "127.0.0.1"), subjectAltNames(pki.server().certificate()));
        assertEquals(List.of(Pki.WRONG_HOST), subjectAltNames(pki.wrongHostServer().certificate()));
        validate(pki.wrongHostServer().chain()); // a valid chain: only the name is wrong
    }

    @Test
    void expiredAndNotYetValidFailOnTheirDates() {
        assertInstanceOf(CertificateExpiredException.class, validationFailure(pki.expiredServer()).getCause());
        assertInstanceOf(CertificateNotYetValidException.class,
                validationFailure(pki.notYetValidServer()).getCause());
    }

    @Test
    void untrustedChainsDoNotValidate() {
        for (Credential credential : List.of(pki.selfSignedServer(), pki.unknownCaServer(),
                pki.serverWithoutIntermediate(), pki.unknownCaClient())) {
            validationFailure(credential);
        }
        assertEquals(1, pki.serverWithoutIntermediate().chain().size());
        assertEquals(pki.server().certificate(), pki.serverWithoutIntermediate().certificate());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void everyAvailableKeyTypeMakesAValidPki(KeyType keyType) throws Exception {
        assumeTrue(keyType.isAvailable(), keyType + " not supported by this JVM");
        Pki other = new Pki(keyType);
        validate(other.server().chain(), other);
        assertTrue(other.server().keyManagers().length > 0);
    }

    @Test
    void writesPemFilesThatReadBack(@TempDir Path directory) throws Exception {
        pki.writeTo(directory);
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        Collection<? extends java.security.cert.Certificate> chain;
        try (var in = Files.newInputStream(directory.resolve("server-chain.pem"))) {
            chain = x509.generateCertificates(in);
        }
        assertEquals(pki.server().chain(), new ArrayList<>(chain));
        String key = Files.readString(directory.resolve("server-key.pem"), StandardCharsets.US_ASCII);
        byte[] der = Base64.getMimeDecoder().decode(key.replaceAll("-----[A-Z ]+-----", ""));
        assertArrayEquals(pki.server().privateKey().getEncoded(),
                KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)).getEncoded());
        for (String file : List.of("root-ca.pem", "intermediate-ca.pem", "truststore.p12", "client.p12",
                "expired-server-chain.pem", "server-without-intermediate-chain.pem")) {
            assertTrue(Files.size(directory.resolve(file)) > 0, file);
        }
    }

    @Test
    void insistentKeyManagerOffersItsKeyWhateverTheIssuers() {
        InsistentKeyManager keys = new InsistentKeyManager(pki.unknownCaClient());
        assertEquals("unknown-ca-client", keys.chooseClientAlias(new String[] {"RSA", "EC"},
                new java.security.Principal[] {pki.root().certificate().getSubjectX500Principal()}, null));
        assertNull(keys.chooseClientAlias(new String[] {"RSA"}, null, null));
        assertEquals(pki.unknownCaClient().privateKey(), keys.getPrivateKey("unknown-ca-client"));
    }

    private static CertPathValidatorException validationFailure(Credential credential) {
        return assertThrows(CertPathValidatorException.class, () -> validate(credential.chain()),
                credential.name());
    }

    private static void validate(List<X509Certificate> chain) throws Exception {
        validate(chain, pki);
    }

    private static void validate(List<X509Certificate> chain, Pki anchors) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchors.root().certificate(), null)));
        parameters.setRevocationEnabled(false);
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        CertPathValidator.getInstance("PKIX").validate(x509.generateCertPath(chain), parameters);
    }

    private static List<String> subjectAltNames(X509Certificate certificate) throws Exception {
        List<String> names = new ArrayList<>();
        for (List<?> name : certificate.getSubjectAlternativeNames()) {
            names.add((String) name.get(1));
        }
        return names;
    }
}
