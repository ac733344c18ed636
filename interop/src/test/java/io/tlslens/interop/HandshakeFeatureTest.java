package io.tlslens.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HelloRetryRequest, resumption, mutual TLS, ALPN and SNI, the system under test in both roles against every
 * peer (ECDSA P-256 certificates, default suites), in TLS 1.3 and in TLS 1.2 (HelloRetryRequest being
 * TLS 1.3's alone).
 */
class HandshakeFeatureTest {
    private static final String GROUP_THE_SERVER_WANTS = "secp384r1";
    /** The common name the examples' PKI gives its client certificate. */
    private static final String CLIENT_COMMON_NAME = "TLSLens Example Client";

    static Stream<Pairing> everyPeer() {
        return Pairing.bothRoles(Interop.UNDER_TEST, Interop.PEERS).stream();
    }

    static Stream<Arguments> everyPeerAndVersion() {
        return everyPeer().flatMap(pairing -> Stream.of(TlsVersion.values())
                .map(version -> Arguments.of(pairing, version)));
    }

    /**
     * Pairings where the peer can steer the key exchange into a HelloRetryRequest: as the server by allowing
     * one group the client does not key-share first, as the client by key-sharing first a group (x448) that
     * TLS 1.3 servers rarely support, with a supported one behind it. RSA certificates, because Bouncy
     * Castle's JSSE takes its groups as the curves an ECDSA certificate may use as well.
     */
    static Stream<Pairing> groupSteeringPeers() {
        return Pairing.bothRoles(Interop.UNDER_TEST, Interop.RESTRICTABLE_PEERS).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groupSteeringPeers")
    void retriesTheHelloForTheGroupTheServerWants(Pairing pairing) throws Exception {
        Pki pki = Pkis.of(KeyType.RSA_2048);
        Settings client = Settings.client(pki);
        Settings server = Settings.server(pki);
        if (pairing.peerIsClient()) {
            client = client.withGroups("x448", GROUP_THE_SERVER_WANTS);
        } else {
            server = server.withGroups(GROUP_THE_SERVER_WANTS);
        }

        Outcome outcome = pairing.connect(client, server, 1).assertExchanged(TlsVersion.TLS_1_3);

        Hellos wire = outcome.wire(0);
        assertFalse(wire.firstKeyShareGroups().contains(GROUP_THE_SERVER_WANTS), outcome::describe);
        assertTrue(wire.helloRetryRequested(), outcome::describe);
        assertEquals(2, wire.clientHellos().size(), outcome::describe);
        assertEquals(List.of(GROUP_THE_SERVER_WANTS), wire.keyShareGroups(1), outcome::describe);
        assertEquals(GROUP_THE_SERVER_WANTS, wire.group(), outcome::describe);
    }

    /** Bouncy Castle's JSSE resumes no TLS 1.3 session, in either role, and has no TLS 1.2 session tickets. */
    static Stream<Pairing> ticketResumingPeers() {
        return Pairing.bothRoles(Interop.UNDER_TEST, List.of(Interop.SUN_JSSE, Interop.OPENSSL)).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ticketResumingPeers")
    void resumesTheFirstSessionOnTheSecondConnection(Pairing pairing) throws Exception {
        Pki pki = Pkis.of(KeyType.EC_P256);

        Outcome outcome = pairing.connect(Settings.client(pki), Settings.server(pki), 2)
                .assertExchanged(TlsVersion.TLS_1_3);

        assertFalse(outcome.wire(0).resumed(), outcome::describe);
        assertTrue(outcome.wire(1).resumed(), () -> "no pre_shared_key in the second ServerHello: " + outcome);
        assertPeerSawResumption(pairing, outcome);
    }

    /**
     * TLS 1.2 resumption by session ticket (RFC 5077): the first full handshake ends with a NewSessionTicket,
     * the second ClientHello carries it, and the server goes straight to ChangeCipherSpec.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ticketResumingPeers")
    void resumesATls12SessionByTicket(Pairing pairing) throws Exception {
        Pki pki = Pkis.of(KeyType.EC_P256);

        Outcome outcome = pairing.connect(Settings.client(pki).withVersions(TlsVersion.TLS_1_2),
                Settings.server(pki).withVersions(TlsVersion.TLS_1_2), 2).assertExchanged(TlsVersion.TLS_1_2);

        assertFalse(outcome.wire(0).resumed(), outcome::describe);
        assertTrue(outcome.wire(0).ticketIssued(), () -> "no NewSessionTicket in the first handshake: " + outcome);
        assertTrue(outcome.wire(1).ticketOffered(), () -> "no ticket in the second ClientHello: " + outcome);
        assertTrue(outcome.wire(1).resumed(), () -> "the second handshake was a full one: " + outcome);
        assertPeerSawResumption(pairing, outcome);
    }

    /**
     * TLS 1.2 resumption by session ID (RFC 5246 §7.4.1.2) with every peer, the peer using no tickets (which
     * BCJSSE never does, and SunJSSE and openssl are told): the second ClientHello
     * offers the first session's ID and no ticket, and the server echoes the ID and goes straight to
     * ChangeCipherSpec.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPeer")
    void resumesATls12SessionBySessionId(Pairing pairing) throws Exception {
        Pki pki = Pkis.of(KeyType.EC_P256);
        Settings client = Settings.client(pki).withVersions(TlsVersion.TLS_1_2);
        Settings server = Settings.server(pki).withVersions(TlsVersion.TLS_1_2);
        if (pairing.peerIsClient()) {
            client = client.withoutSessionTickets();
        } else {
            server = server.withoutSessionTickets();
        }

        Outcome outcome = pairing.connect(client, server, 2).assertExchanged(TlsVersion.TLS_1_2);

        assertFalse(outcome.wire(0).resumed(), outcome::describe);
        assertFalse(outcome.wire(0).ticketIssued(), outcome::describe);
        assertFalse(outcome.wire(1).ticketOffered(), outcome::describe);
        assertTrue(outcome.wire(1).sessionIdEchoed(), () -> "the server did not echo the session ID: " + outcome);
        assertTrue(outcome.wire(1).resumed(), () -> "the second handshake was a full one: " + outcome);
        assertPeerSawResumption(pairing, outcome);
    }

    /**
     * The peer says so too, where it can tell: openssl s_client ("Reused" in its summary; s_server -rev does
     * not say), SunJSSE and BCJSSE in either role (a resumed session keeps the creation time of the first,
     * see {@link JsseStack#resumed}). TLSLens's API shows no such sign; the wire does.
     */
    private static void assertPeerSawResumption(Pairing pairing, Outcome outcome) {
        Seen first = pairing.peerIsClient() ? outcome.client(0) : outcome.server(0);
        Seen second = pairing.peerIsClient() ? outcome.client(1) : outcome.server(1);
        Peer peer = pairing.peerIsClient() ? pairing.client() : pairing.server();
        if (peer == Interop.SUN_JSSE || peer == Interop.BC_JSSE || (peer == Interop.OPENSSL && pairing.peerIsClient())) {
            assertEquals(Boolean.FALSE, first.resumed(), outcome::describe);
            assertEquals(Boolean.TRUE, second.resumed(), outcome::describe);
        }
    }

    /**
     * Mutual TLS with each key type of the examples' PKI, which signs client and server certificates alike:
     * in TLS 1.2, the ECDSA and RSA ones.
     */
    static Stream<Arguments> everyPeerAndClientKeyType() {
        return everyPeer().flatMap(pairing -> Stream.concat(
                Stream.of(KeyType.EC_P256, KeyType.EC_P384, KeyType.RSA_2048, KeyType.ED25519)
                        .map(keyType -> Arguments.of(pairing, TlsVersion.TLS_1_3, keyType)),
                Stream.of(KeyType.EC_P256, KeyType.EC_P384, KeyType.RSA_2048)
                        .map(keyType -> Arguments.of(pairing, TlsVersion.TLS_1_2, keyType))));
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("everyPeerAndClientKeyType")
    void authenticatesBothSides(Pairing pairing, TlsVersion version, KeyType keyType) throws Exception {
        Pki pki = Pkis.of(keyType);

        Outcome outcome = pairing.connect(Settings.client(pki).withVersions(version).withClientCertificate(),
                Settings.server(pki).withVersions(version).requiringClientAuth(), 1).assertExchanged(version);

        assertEquals("localhost", outcome.client(0).peerCommonName(), outcome::describe);
        assertEquals(CLIENT_COMMON_NAME, outcome.server(0).peerCommonName(), outcome::describe);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyPeerAndVersion")
    void agreesOnTheOnlyApplicationProtocolInCommon(Pairing pairing, TlsVersion version) throws Exception {
        Pki pki = Pkis.of(KeyType.EC_P256);

        Outcome outcome = pairing.connect(
                Settings.client(pki).withVersions(version).withApplicationProtocols("h2", "http/1.1"),
                Settings.server(pki).withVersions(version).withApplicationProtocols("http/1.1"), 1)
                .assertExchanged(version);

        assertEquals(List.of("h2", "http/1.1"), outcome.wire(0).clientHellos().get(0).alpnProtocols(),
                outcome::describe);
        assertEquals("http/1.1", outcome.client(0).applicationProtocol(), outcome::describe);
        assertEquals("http/1.1", outcome.server(0).applicationProtocol(), outcome::describe);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyPeerAndVersion")
    void sendsAndMatchesTheServerName(Pairing pairing, TlsVersion version) throws Exception {
        Pki pki = Pkis.of(KeyType.EC_P256);

        Outcome outcome = pairing.connect(Settings.client(pki).withVersions(version).withServerName("localhost"),
                Settings.server(pki).withVersions(version).withServerName("localhost"), 1).assertExchanged(version);

        assertEquals(Optional.of("localhost"), outcome.wire(0).serverName(), outcome::describe);
        assertEquals("localhost", outcome.server(0).requestedServerName(), outcome::describe);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyPeerAndVersion")
    void sendsNoServerNameWhenToldNone(Pairing pairing, TlsVersion version) throws Exception {
        Pki pki = Pkis.of(KeyType.EC_P256);

        Outcome outcome = pairing.connect(Settings.client(pki).withVersions(version),
                Settings.server(pki).withVersions(version), 1).assertExchanged(version);

        assertEquals(Optional.empty(), outcome.wire(0).serverName(), outcome::describe);
        assertNotEquals("localhost", outcome.server(0).requestedServerName(), outcome::describe);
    }
}
