package io.tlslens.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.OptionalInt;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real handshakes captured once from OpenSSL 3.0 and SunJSSE (see captures/README.md), replayed
 * offline. Capture.load asserts the byte-exact round trip of every record and message.
 */
class CaptureReplayTest {

    static List<String> files() {
        return Capture.FILES;
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyMessageDecodesToAKnownClassAndRoundTrips(String file) {
        Capture c = Capture.load(file);
        assertFalse(c.messages.isEmpty());
        for (Capture.Message m : c.messages) {
            assertFalse(m.message instanceof UnknownHandshakeMessage, file + ": " + m.message);
            assertFalse(m.message.toString().isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void extensionsAreAllRecognised(String file) {
        for (Capture.Message m : Capture.load(file).messages) {
            for (Extension e : extensionsOf(m.message)) {
                // SunJSSE's TLS 1.2 ClientHello also offers status_request_v2 (RFC 6961), which is kept raw.
                boolean modelled = !Grease.isGrease(e.type()) && e.type() != ExtensionType.status_request_v2;
                assertFalse(e instanceof UnknownExtension && modelled, file + ": " + e);
            }
        }
    }

    @Test
    void openSslTls13WithSniAlpnAndKeyUpdate() throws Exception {
        Capture c = Capture.load("openssl-tls13-sni-alpn-keyupdate.txt");
        assertEquals(List.of("c2s ClientHello", "s2c ServerHello", "s2c EncryptedExtensions", "s2c Certificate",
                "s2c CertificateVerify", "s2c Finished", "c2s Finished", "s2c NewSessionTicket", "s2c NewSessionTicket",
                "c2s KeyUpdate"), c.names());
        ClientHello ch = c.first(ClientHello.class);
        assertEquals(ProtocolVersion.TLSv1_2, ch.legacyVersion());
        assertEquals("server.test", ch.serverName().orElseThrow());
        assertEquals(List.of("h2", "http/1.1"), ch.alpnProtocols());
        assertEquals(List.of(CipherSuite.TLS_AES_256_GCM_SHA384, CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
                CipherSuite.TLS_AES_128_GCM_SHA256), ch.cipherSuites().subList(0, 3));
        assertEquals(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV, ch.cipherSuites().get(ch.cipherSuites().size() - 1));
        assertEquals(List.of(ProtocolVersion.TLSv1_3, ProtocolVersion.TLSv1_2, ProtocolVersion.TLSv1_1, ProtocolVersion.TLSv1),
                ch.supportedVersions());
        assertEquals(List.of(NamedGroup.x25519), ch.keyShareGroups());
        assertEquals(NamedGroup.x25519, ch.supportedGroups().get(0));
        assertTrue(ch.signatureAlgorithms().contains(SignatureScheme.rsa_pss_rsae_sha256));
        assertEquals(32, ch.random().length);

        ServerHello sh = c.first(ServerHello.class);
        assertFalse(sh.isHelloRetryRequest());
        assertEquals("ServerHello", sh.name());
        assertEquals(ProtocolVersion.TLSv1_3, sh.selectedVersion());
        assertEquals(CipherSuite.TLS_AES_256_GCM_SHA384, sh.cipherSuite());
        assertEquals(OptionalInt.of(NamedGroup.x25519), sh.keyShareGroup());
        assertEquals(OptionalInt.empty(), sh.preSharedKeyIdentity());
        assertEquals("h2", c.first(EncryptedExtensions.class).alpnProtocol().orElseThrow());

        Certificate cert = c.first(Certificate.class);
        assertTrue(cert.isTls13());
        assertEquals(0, cert.requestContext().length);
        assertEquals("CN=server.test", x509(cert.entries().get(0).data()).getSubjectX500Principal().getName());
        assertEquals(OptionalInt.of(SignatureScheme.ecdsa_secp256r1_sha256), c.first(CertificateVerify.class).signatureScheme());
        assertEquals(48, c.first(Finished.class).verifyData().length);
        NewSessionTicket nst = c.first(NewSessionTicket.class);
        assertTrue(nst.isTls13());
        assertEquals(7200, nst.lifetimeSeconds());
        assertTrue(c.first(KeyUpdate.class).updateRequested());
        assertEquals(List.of(new Alert(AlertLevel.warning, AlertDescription.close_notify)), c.alerts);
    }

    @Test
    void openSslTls13Resumption() {
        Capture c = Capture.load("openssl-tls13-resumed.txt");
        assertEquals(List.of("c2s ClientHello", "s2c ServerHello", "s2c EncryptedExtensions", "s2c Finished",
                "c2s Finished", "s2c NewSessionTicket"), c.names());
        ClientHello ch = c.first(ClientHello.class);
        PreSharedKeyExtension psk = ch.extension(PreSharedKeyExtension.class).orElseThrow();
        assertEquals(1, psk.identities().size());
        assertEquals(1, psk.binders().size());
        assertEquals(48, psk.binders().get(0).length);
        List<Extension> extensions = ch.extensions();
        assertTrue(extensions.get(extensions.size() - 1) instanceof PreSharedKeyExtension, "pre_shared_key is last");
        assertEquals(List.of(PskKeyExchangeMode.psk_dhe_ke),
                ch.extension(PskKeyExchangeModesExtension.class).orElseThrow().modes());
        assertEquals(OptionalInt.of(0), c.first(ServerHello.class).preSharedKeyIdentity());
    }

    @Test
    void openSslHelloRetryRequest() {
        Capture c = Capture.load("openssl-tls13-hrr.txt");
        List<ClientHello> hellos = c.all(ClientHello.class);
        List<ServerHello> serverHellos = c.all(ServerHello.class);
        assertEquals(List.of(NamedGroup.secp384r1), hellos.get(0).keyShareGroups());
        ServerHello hrr = serverHellos.get(0);
        assertTrue(hrr.isHelloRetryRequest());
        assertEquals("HelloRetryRequest", hrr.name());
        assertEquals(OptionalInt.of(NamedGroup.x25519), hrr.keyShareGroup());
        assertEquals(ProtocolVersion.TLSv1_3, hrr.selectedVersion());
        assertEquals(List.of(NamedGroup.x25519), hellos.get(1).keyShareGroups());
        assertFalse(serverHellos.get(1).isHelloRetryRequest());
        assertEquals(OptionalInt.of(NamedGroup.x25519), serverHellos.get(1).keyShareGroup());
    }

    @Test
    void openSslTls13ClientAuthentication() throws Exception {
        Capture c = Capture.load("openssl-tls13-client-auth-rsa.txt");
        CertificateRequest cr = c.first(CertificateRequest.class);
        assertTrue(cr.isTls13());
        assertTrue(cr.signatureAlgorithms().contains(SignatureScheme.ecdsa_secp256r1_sha256));
        assertEquals(List.of(new X500Principal("CN=client.test")),
                cr.certificateAuthorities().stream().map(X500Principal::new).collect(java.util.stream.Collectors.toList()));
        List<CertificateVerify> verifies = c.all(CertificateVerify.class);
        assertEquals(OptionalInt.of(SignatureScheme.rsa_pss_rsae_sha256), verifies.get(0).signatureScheme());
        assertEquals(OptionalInt.of(SignatureScheme.ecdsa_secp256r1_sha256), verifies.get(1).signatureScheme());
        Certificate clientCert = c.all(Certificate.class).get(1);
        assertEquals("CN=client.test", x509(clientCert.entries().get(0).data()).getSubjectX500Principal().getName());
    }

    @Test
    void openSslTls12EcdheEcdsa() {
        Capture c = Capture.load("openssl-tls12-ecdhe-ecdsa.txt");
        assertEquals(List.of("c2s ClientHello", "s2c ServerHello", "s2c Certificate", "s2c ServerKeyExchange",
                "s2c ServerHelloDone", "c2s ClientKeyExchange", "c2s Finished", "s2c NewSessionTicket", "s2c Finished"),
                c.names());
        ClientHello ch = c.first(ClientHello.class);
        assertEquals(List.of(), ch.supportedVersions());
        assertEquals(List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV), ch.cipherSuites());
        ServerHello sh = c.first(ServerHello.class);
        assertEquals(ProtocolVersion.TLSv1_2, sh.selectedVersion());
        assertEquals("h2", sh.alpnProtocol().orElseThrow());
        assertTrue(sh.extension(ExtendedMasterSecretExtension.class).isPresent());
        assertEquals(0, sh.extension(RenegotiationInfoExtension.class).orElseThrow().renegotiatedConnection().length);
        assertFalse(c.first(Certificate.class).isTls13());
        ServerKeyExchange ske = c.first(ServerKeyExchange.class);
        assertEquals(KeyExchangeAlgorithm.ECDHE, ske.keyExchange());
        assertEquals(OptionalInt.of(NamedGroup.x25519), ske.namedGroup());
        assertEquals(32, ske.publicKey().orElseThrow().length);
        assertEquals(OptionalInt.of(SignatureScheme.ecdsa_secp256r1_sha256), ske.signatureScheme());
        assertEquals(32, c.first(ClientKeyExchange.class).publicKey().orElseThrow().length);
        NewSessionTicket nst = c.first(NewSessionTicket.class);
        assertFalse(nst.isTls13());
        assertEquals(7200, nst.lifetimeSeconds());
        assertEquals(12, c.first(Finished.class).verifyData().length);
    }

    @Test
    void openSslTls12ResumptionWithTicket() {
        Capture c = Capture.load("openssl-tls12-resumed.txt");
        assertEquals(List.of("c2s ClientHello", "s2c ServerHello", "s2c Finished", "c2s Finished"), c.names());
        assertTrue(c.first(ClientHello.class).extension(SessionTicketExtension.class).orElseThrow().ticket().length > 0);
    }

    @Test
    void openSslTls12EcdheRsaWithClientAuthentication() {
        Capture c = Capture.load("openssl-tls12-ecdhe-rsa-client-auth.txt");
        CertificateRequest cr = c.first(CertificateRequest.class);
        assertFalse(cr.isTls13());
        assertEquals(List.of(ClientCertificateType.rsa_sign, ClientCertificateType.dss_sign, ClientCertificateType.ecdsa_sign),
                cr.certificateTypes());
        assertTrue(cr.signatureAlgorithms().contains(SignatureScheme.rsa_pss_rsae_sha256));
        assertEquals(1, cr.certificateAuthorities().size());
        assertEquals(OptionalInt.of(SignatureScheme.rsa_pss_rsae_sha256), c.first(ServerKeyExchange.class).signatureScheme());
        assertEquals(OptionalInt.of(SignatureScheme.ecdsa_secp256r1_sha256), c.first(CertificateVerify.class).signatureScheme());
        assertEquals(2, c.all(Certificate.class).size());
    }

    @Test
    void openSslTls12DheKeepsKeyExchangeRaw() {
        Capture c = Capture.load("openssl-tls12-dhe-rsa.txt");
        ServerKeyExchange ske = c.first(ServerKeyExchange.class);
        assertEquals(KeyExchangeAlgorithm.DHE, ske.keyExchange());
        assertEquals(OptionalInt.empty(), ske.namedGroup());
        assertEquals(OptionalInt.empty(), ske.signatureScheme());
        assertEquals(KeyExchangeAlgorithm.DHE, c.first(ClientKeyExchange.class).keyExchange());
        assertFalse(c.first(ClientKeyExchange.class).publicKey().isPresent());
        assertFalse(c.first(ClientHello.class).serverName().isPresent());
    }

    @Test
    void sunJsseTls13WithClientAuthentication() {
        Capture c = Capture.load("jsse-tls13-client-auth.txt");
        // SunJSSE protects EncryptedExtensions..Finished in one record: the reassembler splits them.
        assertEquals(List.of("c2s ClientHello", "s2c ServerHello", "s2c EncryptedExtensions", "s2c CertificateRequest",
                "s2c Certificate", "s2c CertificateVerify", "s2c Finished", "c2s Certificate", "c2s CertificateVerify",
                "c2s Finished", "s2c NewSessionTicket"), c.names());
        ClientHello ch = c.first(ClientHello.class);
        assertEquals("server.test", ch.serverName().orElseThrow());
        assertEquals(List.of("h2", "http/1.1"), ch.alpnProtocols());
        assertEquals(List.of(ProtocolVersion.TLSv1_3), ch.supportedVersions());
        assertTrue(ch.extension(StatusRequestExtension.class).isPresent());
        assertTrue(ch.extension(SignatureAlgorithmsCertExtension.class).isPresent());
        assertEquals("h2", c.first(EncryptedExtensions.class).alpnProtocol().orElseThrow());
        assertEquals(1, c.first(CertificateRequest.class).certificateAuthorities().size());
        assertEquals(86400, c.first(NewSessionTicket.class).lifetimeSeconds());
    }

    @Test
    void sunJsseTls12OffersHashSignaturePairsAndWritesSeveralMessagesPerRecord() {
        Capture c = Capture.load("jsse-tls12-ecdhe-rsa-client-auth.txt");
        List<Integer> offered = c.first(ClientHello.class).signatureAlgorithms();
        assertTrue(offered.contains(SignatureScheme.dsa_sha256));
        assertEquals("dsa_sha256", SignatureScheme.name(0x0402));
        assertTrue(c.records.stream().anyMatch(r -> r.contentType() == ContentType.handshake && r.fragment().length > 1000));
        assertEquals(List.of(ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign, ClientCertificateType.dss_sign),
                c.first(CertificateRequest.class).certificateTypes());
        assertEquals(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, c.first(ServerHello.class).cipherSuite());
    }

    static List<Extension> extensionsOf(HandshakeMessage m) {
        if (m instanceof ClientHello) {
            return ((ClientHello) m).extensions();
        } else if (m instanceof ServerHello) {
            return ((ServerHello) m).extensions();
        } else if (m instanceof EncryptedExtensions) {
            return ((EncryptedExtensions) m).extensions();
        } else if (m instanceof CertificateRequest) {
            return ((CertificateRequest) m).extensions();
        } else if (m instanceof NewSessionTicket) {
            return ((NewSessionTicket) m).extensions();
        } else if (m instanceof Certificate) {
            return ((Certificate) m).entries().stream().flatMap(e -> e.extensions().stream())
                    .collect(java.util.stream.Collectors.toList());
        }
        return List.of();
    }

    private static X509Certificate x509(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
