package io.tlslens.interop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Handshakes the system under test must refuse as a server, in each version, and the alert each peer client
 * must receive for it (RFC 8446 §6.2, RFC 5246 §7.2): the JSSE providers name it in their exceptions, openssl
 * prints its number.
 */
class FailureTest {

    static Stream<Arguments> peerClients() {
        return Pairing.bothRoles(Interop.UNDER_TEST, Interop.PEERS).stream().filter(Pairing::peerIsClient)
                .flatMap(pairing -> Stream.of(TlsVersion.values()).map(version -> Arguments.of(pairing, version)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("peerClients")
    void refusesAClientWithoutACommonApplicationProtocol(Pairing pairing, TlsVersion version) throws Exception {
        Pki pki = Pkis.of(KeyType.EC_P256);

        Failures failures = pairing.connectExpectingFailure(
                Settings.client(pki).withVersions(version).withApplicationProtocols("h2"),
                Settings.server(pki).withVersions(version).withApplicationProtocols("http/1.1"));

        assertAlertExchanged(failures, "no_application_protocol", 120);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("peerClients")
    void refusesAServerNameItDoesNotServe(Pairing pairing, TlsVersion version) throws Exception {
        Pki pki = Pkis.of(KeyType.EC_P256);

        Failures failures = pairing.connectExpectingFailure(
                Settings.client(pki).withVersions(version).withServerName("other.example"),
                Settings.server(pki).withVersions(version).withServerName("localhost"));

        assertAlertExchanged(failures, "unrecognized_name", 112);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("peerClients")
    void refusesAClientWithoutTheCertificateItRequires(Pairing pairing, TlsVersion version) throws Exception {
        Pki pki = Pkis.of(KeyType.EC_P256);

        Failures failures = pairing.connectExpectingFailure(Settings.client(pki).withVersions(version),
                Settings.server(pki).withVersions(version).requiringClientAuth());

        // TLS 1.3's alert for it is certificate_required, which the client can only learn on its first read,
        // after its side of the handshake; TLS 1.2 has none of its own, handshake_failure (RFC 5246 §7.4.6),
        // sent when the empty Certificate arrives while the client is still writing the rest of its flight.
        // openssl reads it; the JSSE clients write (their request, or in TLS 1.2 the rest of the flight), and
        // the server's close after its alert may reset the connection under that write (SunJSSE's own server
        // does the same to them): they fail, by timing with the alert or a reset.
        String alert = version == TlsVersion.TLS_1_3 ? "certificate_required" : "handshake_failure";
        assertSent(failures, alert);
        assertFalse(failures.client().isEmpty(), () -> "the client did not fail:\n" + failures);
        if (pairing.client() == Interop.OPENSSL) {
            assertReceived(failures, alert, version == TlsVersion.TLS_1_3 ? 116 : 40);
        }
    }

    static Stream<Pairing> restrictablePeerClients() {
        return Pairing.bothRoles(Interop.UNDER_TEST, Interop.RESTRICTABLE_PEERS).stream().filter(Pairing::peerIsClient);
    }

    /**
     * In TLS 1.2 a client's supported_groups bound the curve of the server's ECDSA key (RFC 8422 §5.1): a
     * client with x25519 alone cannot take the only certificate, on P-256, so the server must refuse the
     * ECDHE_ECDSA suites with handshake_failure rather than send a certificate the client then rejects
     * (openssl: "wrong curve").
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("restrictablePeerClients")
    void refusesAClientWhoseGroupsExcludeTheEcdsaKeysCurve(Pairing pairing) throws Exception {
        Pki pki = Pkis.of(KeyType.EC_P256);

        Failures failures = pairing.connectExpectingFailure(
                Settings.client(pki).withVersions(TlsVersion.TLS_1_2).withGroups("x25519"),
                Settings.server(pki).withVersions(TlsVersion.TLS_1_2));

        assertAlertExchanged(failures, "handshake_failure", 40);
    }

    private static void assertAlertExchanged(Failures failures, String name, int code) {
        assertSent(failures, name);
        assertReceived(failures, name, code);
    }

    /** The server (the system under test) failed naming the alert. */
    private static void assertSent(Failures failures, String name) {
        assertTrue(failures.server().contains(name), () -> "the server did not fail with " + name + ":\n" + failures);
    }

    /** The peer client named the alert (JSSE) or printed its number (openssl). */
    private static void assertReceived(Failures failures, String name, int code) {
        String client = failures.client();
        assertTrue(client.contains(name) || client.contains("alert number " + code),
                () -> "the peer client did not receive " + name + " (" + code + "):\n" + failures);
    }
}
