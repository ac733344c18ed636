package io.tlslens.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.observe.Decision;
import io.tlslens.observe.Decision.Subjects;
import io.tlslens.stack.tls12.Tls12Session;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.SignatureScheme;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** TLS 1.2 (RFC 5246 §7.3) between the reference client and server in memory: full and abbreviated handshakes and what they agree. */
class Tls12HandshakeTest {
    static final List<Integer> TLS12 = List.of(ProtocolVersion.TLSv1_2);

    static TlsConfig.Builder client() {
        return TestConfigs.client().versions(TLS12);
    }

    static TlsConfig.Builder server() {
        return TestConfigs.server().versions(TLS12);
    }

    @Test
    void fullHandshakeThenApplicationData() throws Exception {
        RecordingObserver clientEvents = new RecordingObserver();
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(client().observer(clientEvents).build(), server().observer(serverEvents).build());

        pair.handshake();

        assertEquals("hello server", Loopback.transfer(pair.client, pair.server, "hello server"));
        assertEquals("hello client", Loopback.transfer(pair.server, pair.client, "hello client"));
        assertEquals(ProtocolVersion.TLSv1_2, pair.client.view().version().getAsInt());
        assertEquals(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, pair.server.view().cipherSuite().getAsInt());
        assertEquals(NamedGroup.x25519, clientEvents.negotiated.group().getAsInt());
        assertEquals(ProtocolVersion.TLSv1_2, clientEvents.negotiated.version());
        assertEquals(List.of(
                "sent ClientHello",
                "received ServerHello", "received Certificate", "received ServerKeyExchange", "received ServerHelloDone",
                "sent ClientKeyExchange", "sent ChangeCipherSpec", "sent Finished",
                "received ChangeCipherSpec", "received Finished"), clientEvents.messages());
        assertEquals(List.of(
                "received ClientHello",
                "sent ServerHello", "sent Certificate", "sent ServerKeyExchange", "sent ServerHelloDone",
                "received ClientKeyExchange", "received ChangeCipherSpec", "received Finished",
                "sent ChangeCipherSpec", "sent Finished"), serverEvents.messages());
        assertEquals(List.of("master secret"), clientEvents.secrets);
        assertEquals(List.of("master secret"), serverEvents.secrets);
        assertEquals("TLSv1.2", serverEvents.decision(Subjects.VERSION).flatMap(Decision::outcome).orElseThrow());
        assertEquals(32, pair.client.view().sessionId().length);
        assertArrayEquals(pair.server.view().sessionId(), pair.client.view().sessionId());
        assertFalse(pair.client.view().resumed());
        assertArrayEquals(pair.client.view().exportKeyingMaterial("EXPORTER-test", new byte[] {1}, 32),
                pair.server.view().exportKeyingMaterial("EXPORTER-test", new byte[] {1}, 32));
        assertFalse(java.util.Arrays.equals(pair.client.view().exportKeyingMaterial("EXPORTER-test", null, 32),
                pair.client.view().exportKeyingMaterial("EXPORTER-test", new byte[0], 32)), "RFC 5705: no context differs from an empty one");
        assertThrows(SSLException.class, () -> pair.client.updateKeys(false), "no KeyUpdate in TLS 1.2");
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (int group : List.of(NamedGroup.x25519, NamedGroup.secp256r1, NamedGroup.secp384r1)) {
            for (int suite : List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
                    CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256)) {
                for (TestPki.KeyType key : List.of(TestPki.KeyType.EC_P256, TestPki.KeyType.EC_P384, TestPki.KeyType.ED25519)) {
                    cases.add(Arguments.of(CipherSuite.name(suite), NamedGroup.name(group), key, suite, group));
                }
            }
            for (int suite : List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
                    CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256)) {
                for (TestPki.KeyType key : List.of(TestPki.KeyType.RSA_2048, TestPki.KeyType.RSASSA_PSS)) {
                    cases.add(Arguments.of(CipherSuite.name(suite), NamedGroup.name(group), key, suite, group));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("matrix")
    void everySuiteGroupAndKey(String suiteName, String groupName, TestPki.KeyType key, int suite, int group) throws Exception {
        RecordingObserver clientEvents = new RecordingObserver();
        RecordingObserver serverEvents = new RecordingObserver();
        // The client's groups bound an ECDSA key's curve too (RFC 8422 §5.1): it offers that curve as well, and the
        // server, allowing only the group under test, must still choose it.
        List<Integer> clientGroups = new ArrayList<>(List.of(group));
        int keyCurve = key == TestPki.KeyType.EC_P256 ? NamedGroup.secp256r1 : key == TestPki.KeyType.EC_P384 ? NamedGroup.secp384r1 : group;
        if (keyCurve != group) {
            clientGroups.add(keyCurve);
        }
        Loopback pair = new Loopback(client().cipherSuites(List.of(suite)).groups(clientGroups).observer(clientEvents).build(),
                TestConfigs.server(TestConfigs.serverKey(key)).versions(TLS12).groups(List.of(group)).observer(serverEvents).build());

        pair.handshake();

        assertEquals("ping", Loopback.transfer(pair.client, pair.server, "ping"));
        assertEquals("pong", Loopback.transfer(pair.server, pair.client, "pong"));
        assertEquals(suite, clientEvents.negotiated.cipherSuite());
        assertEquals(group, serverEvents.negotiated.group().getAsInt());
        assertEquals(expectedScheme(key), clientEvents.negotiated.signatureScheme().getAsInt());
        assertEquals(1, clientEvents.certificateChecks.size());
        // The server's key manager was asked (and timed); the client, not asked for a certificate, was not.
        assertFalse(serverEvents.credentialChoices.isEmpty());
        assertTrue(serverEvents.credentialChoices.stream().allMatch(nanos -> nanos >= 0));
        assertEquals(List.of(), clientEvents.credentialChoices);
    }

    /** The client's first scheme (the defaults' order) the key can make; TLS 1.2 does not tie ECDSA schemes to curves. */
    private static int expectedScheme(TestPki.KeyType key) {
        switch (key) {
            case EC_P256:
            case EC_P384:
                return SignatureScheme.ecdsa_secp256r1_sha256;
            case ED25519:
                return SignatureScheme.ed25519;
            case RSA_2048:
                return SignatureScheme.rsa_pss_rsae_sha256;
            default:
                return SignatureScheme.rsa_pss_pss_sha256;
        }
    }

    @Test
    void aP384KeySignsWithTheOnlyEcdsaSchemeOfferedWhateverItsCurveName() throws Exception {
        RecordingObserver clientEvents = new RecordingObserver();
        Loopback pair = new Loopback(client().signatureSchemes(List.of(SignatureScheme.ecdsa_secp256r1_sha256)).observer(clientEvents).build(),
                TestConfigs.server(TestConfigs.serverKey(TestPki.KeyType.EC_P384)).versions(TLS12).build());
        pair.handshake();
        assertEquals(SignatureScheme.ecdsa_secp256r1_sha256, clientEvents.negotiated.signatureScheme().getAsInt());
    }

    @Test
    void resumptionByTicket() throws Exception {
        SessionStore clientSessions = new InMemorySessionStore();
        SessionStore serverSessions = new InMemorySessionStore();
        Loopback first = new Loopback(client().sessions(clientSessions).build(), server().sessions(serverSessions).build());
        first.handshake();
        Tls12Session kept = clientSessions.session(TestConfigs.HOST, System.currentTimeMillis()).orElseThrow();
        assertTrue(kept.ticket().length > 0);

        RecordingObserver clientEvents = new RecordingObserver();
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback second = new Loopback(client().sessions(clientSessions).observer(clientEvents).build(),
                server().sessions(serverSessions).observer(serverEvents).build());
        second.handshake();

        assertTrue(second.client.view().resumed() && second.server.view().resumed());
        assertEquals("ticket", serverEvents.decision(Subjects.RESUMPTION).flatMap(Decision::outcome).orElseThrow());
        assertEquals("ticket", clientEvents.decision(Subjects.RESUMPTION).flatMap(Decision::outcome).orElseThrow());
        assertEquals(List.of("sent ClientHello", "received ServerHello", "received ChangeCipherSpec", "received Finished",
                "sent ChangeCipherSpec", "sent Finished"), clientEvents.messages());
        assertTrue(clientEvents.negotiated.resumed());
        assertEquals(first.client.view().peerCertificates(), second.client.view().peerCertificates());
        assertEquals("again", Loopback.transfer(second.client, second.server, "again"));
    }

    @Test
    void resumptionBySessionIdWhenTheServerIssuesNoTickets() throws Exception {
        SessionStore clientSessions = new InMemorySessionStore();
        InMemorySessionStore cache = new InMemorySessionStore();
        SessionStore serverSessions = new SessionStore() {
            @Override
            public void putSessionById(byte[] sessionId, Tls12Session session) {
                cache.putSessionById(sessionId, session);
            }

            @Override
            public Optional<Tls12Session> sessionById(byte[] sessionId, long nowMillis) {
                return cache.sessionById(sessionId, nowMillis);
            }
        };
        Loopback first = new Loopback(client().sessions(clientSessions).build(), server().sessions(serverSessions).build());
        first.handshake();
        assertEquals(0, clientSessions.session(TestConfigs.HOST, System.currentTimeMillis()).orElseThrow().ticket().length);

        RecordingObserver serverEvents = new RecordingObserver();
        Loopback second = new Loopback(client().sessions(clientSessions).build(), server().sessions(serverSessions).observer(serverEvents).build());
        second.handshake();

        assertTrue(second.client.view().resumed());
        assertArrayEquals(first.server.view().sessionId(), second.client.view().sessionId());
        assertEquals("session_id", serverEvents.decision(Subjects.RESUMPTION).flatMap(Decision::outcome).orElseThrow());
        assertEquals(List.of("received ClientHello", "sent ServerHello", "sent ChangeCipherSpec", "sent Finished",
                "received ChangeCipherSpec", "received Finished"), serverEvents.messages());
    }

    @Test
    void ticketOfAnotherServerIsAFullHandshake() throws Exception {
        SessionStore clientSessions = new InMemorySessionStore();
        new Loopback(client().sessions(clientSessions).build(), server().sessions(new InMemorySessionStore()).build()).handshake();
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback other = new Loopback(client().sessions(clientSessions).build(),
                server().sessions(new InMemorySessionStore()).observer(serverEvents).build());
        other.handshake();
        assertFalse(other.server.view().resumed());
        Decision resumption = serverEvents.decision(Subjects.RESUMPTION).orElseThrow();
        assertEquals("full_handshake", resumption.outcome().orElseThrow());
        assertEquals("not a live session of this server", resumption.reason());
    }

    @Test
    void serverNameAndApplicationProtocol() throws Exception {
        RecordingObserver clientEvents = new RecordingObserver();
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(client().applicationProtocols(List.of("h2", "http/1.1")).observer(clientEvents).build(),
                server().applicationProtocols(List.of("http/1.1")).serverNameMatcher(TestConfigs.HOST::equals).observer(serverEvents).build());
        pair.handshake();
        assertEquals("http/1.1", pair.client.view().applicationProtocol().orElseThrow());
        assertEquals("http/1.1", clientEvents.negotiated.applicationProtocol().orElseThrow());
        assertEquals(List.of(TestConfigs.HOST), pair.server.view().serverNames());
        assertEquals(TestConfigs.HOST, serverEvents.negotiated.serverName().orElseThrow());
        assertEquals(TestConfigs.HOST, clientEvents.decision(Subjects.SERVER_NAME).flatMap(Decision::outcome).orElseThrow());
    }

    @Test
    void clientAuthenticationNeededAndGiven() throws Exception {
        CertifiedKey clientKey = TestConfigs.PKI.issue("client.test", TestPki.KeyType.RSA_2048);
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(client().credentials(TestPki.credentials(clientKey)).build(),
                server().clientAuth(ClientAuth.NEED).observer(serverEvents).build());
        pair.handshake();
        assertEquals(clientKey.leaf(), pair.server.view().peerCertificates().get(0));
        assertEquals(clientKey.leaf(), pair.client.view().localCertificates().get(0));
        assertTrue(serverEvents.messages().containsAll(List.of("received Certificate", "received CertificateVerify")));
        assertEquals("CN=client.test", serverEvents.decision(Subjects.CLIENT_AUTHENTICATION).flatMap(Decision::outcome).orElseThrow());
    }

    @Test
    void clientAuthenticationWantedAndNotGiven() throws Exception {
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(client().build(), server().clientAuth(ClientAuth.WANT).observer(serverEvents).build());
        pair.handshake();
        assertTrue(pair.server.view().peerCertificates().isEmpty());
        assertEquals("none", serverEvents.decision(Subjects.CLIENT_AUTHENTICATION).flatMap(Decision::outcome).orElseThrow());
    }

    @Test
    void keyLogGetsTheMasterSecretUnderTheClientRandom() throws Exception {
        List<String> clientLog = new ArrayList<>();
        List<String> serverLog = new ArrayList<>();
        Loopback pair = new Loopback(
                client().keyLog((label, random, secret) -> clientLog.add(label + " " + hex(random) + " " + hex(secret))).build(),
                server().keyLog((label, random, secret) -> serverLog.add(label + " " + hex(random) + " " + hex(secret))).build());
        pair.client.beginHandshake();
        byte[] clientHello = Loopback.takeRecords(pair.client).get(0);
        byte[] clientRandom = java.util.Arrays.copyOfRange(clientHello, 5 + 4 + 2, 5 + 4 + 2 + 32);
        Loopback.deliver(pair.server, List.of(clientHello));
        pair.pump();

        assertEquals(1, clientLog.size());
        assertEquals(clientLog, serverLog);
        String[] line = clientLog.get(0).split(" ");
        assertEquals(KeyLog.CLIENT_RANDOM, line[0]);
        assertEquals(hex(clientRandom), line[1]);
        assertEquals(96, line[2].length(), "a 48-byte master secret");
    }

    /** RFC 8449 in TLS 1.2: protected records toward each side stay within its limit, from a 1.2-only or a dual-version client. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void recordSizeLimitBoundsProtectedRecords(boolean clientOffersTls13) throws Exception {
        TlsConfig.Builder client = clientOffersTls13 ? TestConfigs.client() : client();
        Loopback pair = new Loopback(client.recordSizeLimit(300).build(), server().recordSizeLimit(200).build());
        pair.handshake();
        String text = "x".repeat(1000);

        pair.server.writePlaintext(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
        List<byte[]> toClient = Loopback.takeRecords(pair.server);
        assertEquals(5 + 8 + 300 + 16, toClient.get(0).length);
        pair.client.writePlaintext(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
        List<byte[]> toServer = Loopback.takeRecords(pair.client);
        assertEquals(5 + 8 + 200 + 16, toServer.get(0).length);
        Loopback.deliver(pair.client, toClient);
        Loopback.deliver(pair.server, toServer);
        assertEquals(300, Loopback.read(pair.client).length());
        assertEquals(200, Loopback.read(pair.server).length());
    }

    @Test
    void closeNotifyEndsEachDirection() throws Exception {
        Loopback pair = new Loopback(client().build(), server().build());
        pair.handshake();
        pair.client.closeOutbound();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        assertTrue(pair.client.isOutboundDone());
        assertTrue(pair.server.isInboundDone());
        assertEquals("bye", Loopback.transfer(pair.server, pair.client, "bye"));
        assertThrows(SSLException.class, () -> pair.client.writePlaintext(java.nio.ByteBuffer.wrap("x".getBytes(StandardCharsets.UTF_8))));
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02x", b));
        }
        return s.toString();
    }
}
