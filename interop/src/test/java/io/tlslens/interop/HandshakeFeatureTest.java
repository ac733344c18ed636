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
 * peer (ECDSA P-256 certificates, default suites).
 */
class HandshakeFeatureTest {
    private static final String GROUP_THE_SERVER_WANTS = "secp384r1";
    /** The common name the examples' PKI gives its client certificate. */
    private static final String CLIENT_COMMON_NAME = "TLSLens Example Client";

    static Stream<Pairing> everyPeer() {
        return Pairing.bothRoles(Interop.UNDER_TEST, Interop.PEERS).stream();
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

        Outcome outcome = pairing.connect(client, server, 1).assertExchanged();

        Hellos wire = outcome.wire(0);
        assertFalse(wire.firstKeyShareGroups().contains(GROUP_THE_SERVER_WANTS), outcome::describe);
        assertTrue(wire.helloRetryRequested(), outcome::describe);
        assertEquals(2, wire.clientHellos().size(), outcome::describe);
        assertEquals(List.of(GROUP_THE_SERVER_WANTS), wire.keyShareGroups(1), outcome::describe);
        assertEquals(GROUP_THE_SERVER_WANTS, wire.group(), outcome::describe);
    }

    /** Bouncy Castle's JSSE resumes no TLS 1.3 session, in either role. */
    static Stream<Pairing> resumingPeers() {
        return Pairing.bothRoles(Interop.UNDER_TEST, List.of(Interop.SUN_JSSE, Interop.OPENSSL)).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resumingPeers")
    void resumesTheFirstSessionOnTheSecondConnection(Pairing pairing) throws Exception {
        Pki pki = Pkis.of(KeyType.EC_P256);

        Outcome outcome = pairing.connect(Settings.client(pki), Settings.server(pki), 2).assertExchanged();

        assertFalse(outcome.wire(0).resumed(), outcome::describe);
        assertTrue(outcome.wire(1).resumed(), () -> "no pre_shared_key in the second ServerHello: " + outcome);
        if (pairing.peerIsClient()) {
            // The peer client says so too: openssl s_client ("Reused, TLSv1.3"), SunJSSE (the resumed session
            // keeps the creation time of the first). TLSLens's API shows no such sign; the wire does.
            assertEquals(Boolean.FALSE, outcome.client(0).resumed(), outcome::describe);
            assertEquals(Boolean.TRUE, outcome.client(1).resumed(), outcome::describe);
        }
    }

    /** Mutual TLS with each key type of the examples' PKI, which signs client and server certificates alike. */
    static Stream<Arguments> everyPeerAndClientKeyType() {
        return everyPeer().flatMap(pairing -> Stream.of(KeyType.EC_P256, KeyType.EC_P384, KeyType.RSA_2048,
                KeyType.ED25519).map(keyType -> Arguments.of(pairing, keyType)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyPeerAndClientKeyType")
    void authenticatesBothSides(Pairing pairing, KeyType keyType) throws Exception {
        Pki pki = Pkis.of(keyType);

        Outcome outcome = pairing.connect(Settings.client(pki).withClientCertificate(),
                Settings.server(pki).requiringClientAuth(), 1).assertExchanged();

        assertEquals("localhost", outcome.client(0).peerCommonName(), outcome::describe);
        assertEquals(CLIENT_COMMON_NAME, outcome.server(0).peerCommonName(), outcome::describe);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPeer")
    void agreesOnTheOnlyApplicationProtocolInCommon(Pairing pairing) throws Exception {
        Pki pki = Pkis.of(KeyType.EC_P256);

        Outcome outcome = pairing.connect(Settings.client(pki).withApplicationProtocols("h2", "http/1.1"),
                Settings.server(pki).withApplicationProtocols("http/1.1"), 1).assertExchanged();

        assertEquals(List.of("h2", "http/1.1"), outcome.wire(0).clientHellos().get(0).alpnProtocols(),
                outcome::describe);
        assertEquals("http/1.1", outcome.client(0).applicationProtocol(), outcome::describe);
        assertEquals("http/1.1", outcome.server(0).applicationProtocol(), outcome::describe);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPeer")
    void sendsAndMatchesTheServerName(Pairing pairing) throws Exception {
        Pki pki = Pkis.of(KeyType.EC_P256);

        Outcome outcome = pairing.connect(Settings.client(pki).withServerName("localhost"),
                Settings.server(pki).withServerName("localhost"), 1).assertExchanged();

        assertEquals(Optional.of("localhost"), outcome.wire(0).serverName(), outcome::describe);
        assertEquals("localhost", outcome.server(0).requestedServerName(), outcome::describe);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPeer")
    void sendsNoServerNameWhenToldNone(Pairing pairing) throws Exception {
        Pki pki = Pkis.of(KeyType.EC_P256);

        Outcome outcome = pairing.connect(Settings.client(pki), Settings.server(pki), 1).assertExchanged();

        assertEquals(Optional.empty(), outcome.wire(0).serverName(), outcome::describe);
        assertNotEquals("localhost", outcome.server(0).requestedServerName(), outcome::describe);
    }
}
