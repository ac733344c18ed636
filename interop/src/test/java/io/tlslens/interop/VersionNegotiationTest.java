package io.tlslens.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Version negotiation across implementations (RFC 8446 §4.2.1, §4.1.3): the system under test enables
 * TLS 1.3 and TLS 1.2, the peer either only TLS 1.2 or both.
 */
class VersionNegotiationTest {
    private static final List<String> BOTH_VERSIONS = List.of("TLSv1.3", "TLSv1.2");

    static Stream<Pairing> underTestAsClient() {
        return Pairing.bothRoles(Interop.UNDER_TEST, Interop.PEERS).stream().filter(p -> !p.peerIsClient());
    }

    static Stream<Pairing> underTestAsServer() {
        return Pairing.bothRoles(Interop.UNDER_TEST, Interop.PEERS).stream().filter(Pairing::peerIsClient);
    }

    static Stream<Pairing> bothRoles() {
        return Pairing.bothRoles(Interop.UNDER_TEST, Interop.PEERS).stream();
    }

    /**
     * A client offering both meets a server with TLS 1.2 alone: TLS 1.2, with no downgrade sentinel (the
     * server speaks no TLS 1.3), which the client must accept.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("underTestAsClient")
    void aDualVersionClientSpeaksTls12WithATls12OnlyServer(Pairing pairing) throws Exception {
        Pki pki = Pkis.of(KeyType.EC_P256);

        Outcome outcome = pairing.connect(Settings.client(pki).withVersions(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2),
                Settings.server(pki).withVersions(TlsVersion.TLS_1_2), 1).assertExchanged(TlsVersion.TLS_1_2);

        assertEquals(BOTH_VERSIONS, outcome.wire(0).versionsOffered(), outcome::describe);
        assertFalse(outcome.wire(0).downgradeSentinel(), outcome::describe);
    }

    /**
     * A client with TLS 1.2 alone meets a server enabling both: TLS 1.2, and the server, able to speak TLS
     * 1.3, marks its ServerHello.random with the downgrade sentinel for a TLS 1.3-capable client to see.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("underTestAsServer")
    void aDualVersionServerSpeaksTls12WithATls12OnlyClientAndWritesTheSentinel(Pairing pairing) throws Exception {
        Pki pki = Pkis.of(KeyType.EC_P256);

        Outcome outcome = pairing.connect(Settings.client(pki).withVersions(TlsVersion.TLS_1_2),
                Settings.server(pki).withVersions(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2), 1)
                .assertExchanged(TlsVersion.TLS_1_2);

        assertFalse(outcome.wire(0).versionsOffered().contains("TLSv1.3"), outcome::describe);
        assertTrue(outcome.wire(0).downgradeSentinel(),
                () -> "no DOWNGRD\\x01 at the end of ServerHello.random: " + outcome);
    }

    /** Both sides enable both: TLS 1.3, with no sentinel. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bothRoles")
    void twoDualVersionSidesSpeakTls13(Pairing pairing) throws Exception {
        Pki pki = Pkis.of(KeyType.EC_P256);

        Outcome outcome = pairing.connect(Settings.client(pki).withVersions(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2),
                Settings.server(pki).withVersions(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2), 1)
                .assertExchanged(TlsVersion.TLS_1_3);

        assertEquals(BOTH_VERSIONS, outcome.wire(0).versionsOffered(), outcome::describe);
        assertFalse(outcome.wire(0).downgradeSentinel(), outcome::describe);
    }
}
