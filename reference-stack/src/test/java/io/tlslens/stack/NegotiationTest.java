package io.tlslens.stack;

import static io.tlslens.stack.Failures.assertFails;
import static io.tlslens.stack.Failures.assertPeerReceivesAlert;
import static io.tlslens.stack.Failures.last;
import static io.tlslens.stack.Failures.plaintextAlert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.observe.Decision;
import io.tlslens.observe.Decision.Subjects;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.CookieExtension;
import io.tlslens.wire.HandshakeDecoder;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.ServerHello;
import io.tlslens.wire.TlsRecord;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

/** What the two sides agree on, why (the decisions), and the alert when they cannot agree. */
class NegotiationTest {

    @Test
    void helloRetryRequestForAGroupWithoutKeyShareCarriesAVerifiedCookie() throws Exception {
        RecordingObserver clientEvents = new RecordingObserver();
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(TestConfigs.client().keyShareGroups(List.of(NamedGroup.x25519)).observer(clientEvents).build(),
                TestConfigs.server().groups(List.of(NamedGroup.secp384r1, NamedGroup.secp256r1)).observer(serverEvents).build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        List<byte[]> retry = Loopback.takeRecords(pair.server);

        ServerHello hrr = (ServerHello) new HandshakeDecoder().decode(TlsRecord.decode(retry.get(0)).fragment());
        assertTrue(hrr.isHelloRetryRequest());
        assertEquals(NamedGroup.secp384r1, hrr.keyShareGroup().getAsInt());
        byte[] cookie = hrr.extension(CookieExtension.class).orElseThrow().cookie();
        Loopback.deliver(pair.client, retry);
        pair.pump();

        assertTrue(pair.client.isHandshakeComplete() && pair.server.isHandshakeComplete());
        assertTrue(clientEvents.negotiated.helloRetry());
        assertEquals(NamedGroup.secp384r1, clientEvents.negotiated.group().getAsInt());
        Decision retryDecision = serverEvents.decision(Subjects.HELLO_RETRY).orElseThrow();
        assertEquals("secp384r1", retryDecision.outcome().orElseThrow());
        assertEquals(List.of("x25519"), retryDecision.evidence().get("client.key_shares"));
        assertEquals(List.of("secp384r1", "secp256r1"), retryDecision.evidence().get("server.groups"));
        assertEquals(List.of("received ClientHello", "sent HelloRetryRequest", "sent ChangeCipherSpec",
                "received ChangeCipherSpec", "received ClientHello", "sent ServerHello"), serverEvents.messages().subList(0, 6));
        assertTrue(cookie.length > 32);
    }

    @Test
    void forgedCookieInTheSecondClientHelloIsIllegalParameter() throws Exception {
        Loopback pair = new Loopback(TestConfigs.client().keyShareGroups(List.of(NamedGroup.x25519)).build(),
                TestConfigs.server().groups(List.of(NamedGroup.secp256r1)).build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        List<byte[]> retry = Loopback.takeRecords(pair.server);
        Loopback.deliver(pair.client, retry);
        List<byte[]> secondHello = Loopback.takeRecords(pair.client);
        byte[] hello = last(secondHello);
        // the cookie's MAC is the last 32 bytes of the cookie, which precede psk_key_exchange_modes (6 bytes)
        int cookieEnd = indexOf(hello, retryCookie(retry)) + retryCookie(retry).length;
        hello[cookieEnd - 1] ^= 1;

        List<byte[]> out = assertFails(pair.server, AlertDescription.illegal_parameter, () -> Loopback.deliver(pair.server, secondHello));
        assertEquals(AlertDescription.illegal_parameter, plaintextAlert(last(out)).description());
    }

    @Test
    void serverNameAcceptedAndRefused() throws Exception {
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback accepted = new Loopback(TestConfigs.client().build(),
                TestConfigs.server().serverNameMatcher(TestConfigs.HOST::equals).observer(serverEvents).build());
        accepted.handshake();
        assertEquals(List.of(TestConfigs.HOST), accepted.server.view().serverNames());
        assertEquals(TestConfigs.HOST, serverEvents.negotiated.serverName().orElseThrow());
        assertEquals("accepted by the server name matcher", serverEvents.decision(Subjects.SERVER_NAME).orElseThrow().reason());

        RecordingObserver refusing = new RecordingObserver();
        Loopback refused = new Loopback(TestConfigs.client().serverNames(List.of("other.test")).build(),
                TestConfigs.server().serverNameMatcher(TestConfigs.HOST::equals).observer(refusing).build());
        refused.client.beginHandshake();
        List<byte[]> out = assertFails(refused.server, AlertDescription.unrecognized_name,
                () -> Loopback.deliver(refused.server, Loopback.takeRecords(refused.client)));
        assertEquals(AlertDescription.unrecognized_name, plaintextAlert(last(out)).description());
        assertPeerReceivesAlert(refused.client, out, AlertDescription.unrecognized_name);
        assertFalse(refusing.decision(Subjects.SERVER_NAME).orElseThrow().outcome().isPresent());
        assertEquals(List.of("failed"), refusing.events.subList(refusing.events.size() - 1, refusing.events.size()));
    }

    @Test
    void applicationProtocolByServerPreferenceBySelectorAndNone() throws Exception {
        Loopback byList = new Loopback(TestConfigs.client().applicationProtocols(List.of("http/1.1", "h2")).build(),
                TestConfigs.server().applicationProtocols(List.of("h2", "http/1.1")).build());
        byList.handshake();
        assertEquals("h2", byList.client.view().applicationProtocol().orElseThrow());
        assertEquals("h2", byList.server.view().applicationProtocol().orElseThrow());

        Loopback bySelector = new Loopback(TestConfigs.client().applicationProtocols(List.of("http/1.1", "h2")).build(),
                TestConfigs.server().applicationProtocolSelector(offered -> offered.get(0)).build());
        bySelector.handshake();
        assertEquals("http/1.1", bySelector.client.view().applicationProtocol().orElseThrow());

        Loopback notOffered = new Loopback(TestConfigs.client().build(),
                TestConfigs.server().applicationProtocols(List.of("h2")).build());
        notOffered.handshake();
        assertTrue(notOffered.client.view().applicationProtocol().isEmpty());

        RecordingObserver serverEvents = new RecordingObserver();
        Loopback noOverlap = new Loopback(TestConfigs.client().applicationProtocols(List.of("http/1.1")).build(),
                TestConfigs.server().applicationProtocols(List.of("h2")).observer(serverEvents).build());
        noOverlap.client.beginHandshake();
        List<byte[]> out = assertFails(noOverlap.server, AlertDescription.no_application_protocol,
                () -> Loopback.deliver(noOverlap.server, Loopback.takeRecords(noOverlap.client)));
        assertEquals(AlertDescription.no_application_protocol, plaintextAlert(last(out)).description());
        Decision none = serverEvents.decision(Subjects.APPLICATION_PROTOCOL).orElseThrow();
        assertEquals(Map.of("client.offered", List.of("http/1.1"), "server.enabled", List.of("h2")), none.evidence());
    }

    @Test
    void noCommonCipherSuiteIsHandshakeFailureWithTheEvidence() throws Exception {
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(TestConfigs.client().cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256)).build(),
                TestConfigs.server().cipherSuites(List.of(CipherSuite.TLS_CHACHA20_POLY1305_SHA256)).observer(serverEvents).build());
        pair.client.beginHandshake();
        List<byte[]> out = assertFails(pair.server, AlertDescription.handshake_failure,
                () -> Loopback.deliver(pair.server, Loopback.takeRecords(pair.client)));
        assertEquals(AlertDescription.handshake_failure, plaintextAlert(last(out)).description());
        Decision none = serverEvents.decision(Subjects.CIPHER_SUITE).orElseThrow();
        assertEquals(Optional.empty(), none.outcome());
        assertEquals("no common cipher suite", none.reason());
        assertEquals(List.of("TLS_AES_128_GCM_SHA256"), none.evidence().get("client.offered"));
        assertEquals(List.of("TLS_CHACHA20_POLY1305_SHA256"), none.evidence().get("server.enabled"));
        assertEquals("sent alert handshake_failure", serverEvents.events.get(serverEvents.events.size() - 2));
        assertPeerReceivesAlert(pair.client, out, AlertDescription.handshake_failure);
    }

    @Test
    void noCommonGroupIsHandshakeFailure() throws Exception {
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(TestConfigs.client().groups(List.of(NamedGroup.x25519)).build(),
                TestConfigs.server().groups(List.of(NamedGroup.secp256r1)).observer(serverEvents).build());
        pair.client.beginHandshake();
        assertFails(pair.server, AlertDescription.handshake_failure,
                () -> Loopback.deliver(pair.server, Loopback.takeRecords(pair.client)));
        assertEquals("no common group", serverEvents.decision(Subjects.GROUP).orElseThrow().reason());
    }

    @Test
    void clientAuthenticationNeededAndGiven() throws Exception {
        CertifiedKey clientKey = TestConfigs.PKI.issue("client.test", TestPki.KeyType.RSA_2048);
        X500Principal ca = TestConfigs.PKI.ca.getSubjectX500Principal();
        List<List<X500Principal>> authoritiesSeen = new java.util.ArrayList<>();
        Credentials clientCredentials = new Credentials() {
            @Override
            public Optional<CertifiedKey> serverCredential(List<Integer> s, List<X500Principal> a, HandshakeView h) {
                return Optional.empty();
            }

            @Override
            public Optional<CertifiedKey> clientCredential(List<Integer> s, List<X500Principal> a, HandshakeView h) {
                authoritiesSeen.add(a);
                return Optional.of(clientKey);
            }
        };
        List<String> authTypes = new java.util.ArrayList<>();
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(TestConfigs.client().credentials(clientCredentials).build(),
                TestConfigs.server().clientAuth(ClientAuth.NEED).certificateAuthorities(List.of(ca))
                        .peerVerifier((chain, authType, view) -> {
                            authTypes.add(authType);
                            TestConfigs.PKI.verifier().verify(chain, authType, view);
                        }).observer(serverEvents).build());
        pair.handshake();

        List<X509Certificate> seen = pair.server.view().peerCertificates();
        assertEquals(clientKey.leaf(), seen.get(0));
        assertEquals(List.of(List.of(ca)), authoritiesSeen);
        assertEquals(List.of("RSA"), authTypes);
        assertEquals(clientKey.chain(), pair.client.view().localCertificates());
        assertTrue(serverEvents.messages().containsAll(List.of("sent CertificateRequest", "received Certificate",
                "received CertificateVerify")));
        assertEquals("CN=client.test", serverEvents.decision(Subjects.CLIENT_AUTHENTICATION).flatMap(Decision::outcome).orElseThrow());
    }

    @Test
    void clientWithoutCertificateIsCertificateRequiredWhenNeededAndAcceptedWhenWanted() throws Exception {
        Loopback wanted = new Loopback(TestConfigs.client().build(), TestConfigs.server().clientAuth(ClientAuth.WANT).build());
        wanted.handshake();
        assertTrue(wanted.server.view().peerCertificates().isEmpty());

        RecordingObserver serverEvents = new RecordingObserver();
        Loopback needed = new Loopback(TestConfigs.client().build(),
                TestConfigs.server().clientAuth(ClientAuth.NEED).observer(serverEvents).build());
        needed.client.beginHandshake();
        Loopback.deliver(needed.server, Loopback.takeRecords(needed.client));
        Loopback.deliver(needed.client, Loopback.takeRecords(needed.server));
        assertTrue(needed.client.isHandshakeComplete(), "a TLS 1.3 client finishes before the server judges it");
        List<byte[]> out = assertFails(needed.server, AlertDescription.certificate_required,
                () -> Loopback.deliver(needed.server, Loopback.takeRecords(needed.client)));
        assertPeerReceivesAlert(needed.client, out, AlertDescription.certificate_required);
        assertNull(serverEvents.negotiated);
        assertEquals("client sent no certificate and the server needs one",
                serverEvents.decision(Subjects.CLIENT_AUTHENTICATION).orElseThrow().reason());
    }

    @Test
    void untrustedServerChainIsCertificateUnknown() throws Exception {
        TestPki other = new TestPki("Other CA");
        RecordingObserver clientEvents = new RecordingObserver();
        Loopback pair = new Loopback(TestConfigs.client().observer(clientEvents).build(),
                TestConfigs.server(other.issue(TestConfigs.HOST, TestPki.KeyType.EC_P256)).build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        List<byte[]> flight = Loopback.takeRecords(pair.server);
        List<byte[]> out = assertFails(pair.client, AlertDescription.certificate_unknown, () -> Loopback.deliver(pair.client, flight));
        assertPeerReceivesAlert(pair.server, out, AlertDescription.certificate_unknown);
        assertEquals(1, clientEvents.certificateChecks.size());
        assertEquals(List.of("CN=server.test", "CN=Other CA"),
                clientEvents.decision(Subjects.CERTIFICATE).orElseThrow().evidence().get("server.chain"));
    }

    @Test
    void decisionsNameEveryChoiceInIanaTerms() throws Exception {
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(TestConfigs.client().applicationProtocols(List.of("h2")).build(),
                TestConfigs.server().applicationProtocols(List.of("h2")).observer(serverEvents).build());
        pair.handshake();
        assertEquals("TLSv1.3", serverEvents.decision(Subjects.VERSION).flatMap(Decision::outcome).orElseThrow());
        assertEquals("TLS_AES_128_GCM_SHA256", serverEvents.decision(Subjects.CIPHER_SUITE).flatMap(Decision::outcome).orElseThrow());
        assertEquals("x25519", serverEvents.decision(Subjects.GROUP).flatMap(Decision::outcome).orElseThrow());
        assertEquals(List.of("x25519"), serverEvents.decision(Subjects.GROUP).orElseThrow().evidence().get("client.key_shares"));
        assertEquals(List.of("x25519", "secp256r1", "secp384r1"), serverEvents.decision(Subjects.GROUP).orElseThrow().evidence().get("client.groups"));
        assertEquals("ecdsa_secp256r1_sha256", serverEvents.decision(Subjects.SIGNATURE_SCHEME).flatMap(Decision::outcome).orElseThrow());
        assertEquals("CN=server.test", serverEvents.decision(Subjects.CERTIFICATE).flatMap(Decision::outcome).orElseThrow());
        assertEquals("h2", serverEvents.decision(Subjects.APPLICATION_PROTOCOL).flatMap(Decision::outcome).orElseThrow());
        assertEquals(TestConfigs.HOST, serverEvents.decision(Subjects.SERVER_NAME).flatMap(Decision::outcome).orElseThrow());
    }

    private static byte[] retryCookie(List<byte[]> retry) throws Exception {
        ServerHello hrr = (ServerHello) new HandshakeDecoder().decode(TlsRecord.decode(retry.get(0)).fragment());
        return hrr.extension(CookieExtension.class).orElseThrow().cookie();
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
