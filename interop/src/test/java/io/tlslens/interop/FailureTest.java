package io.tlslens.interop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Handshakes the system under test must refuse as a server, and the alert each peer client must receive for
 * it (RFC 8446 §6.2): the JSSE providers name it in their exceptions, openssl prints its number.
 */
class FailureTest {

    static Stream<Pairing> peerClients() {
        return Pairing.bothRoles(Interop.UNDER_TEST, Interop.PEERS).stream().filter(Pairing::peerIsClient);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peerClients")
    void refusesAClientWithoutACommonApplicationProtocol(Pairing pairing) throws Exception {
        Pki pki = Pkis.of(KeyType.EC_P256);

        Failures failures = pairing.connectExpectingFailure(Settings.client(pki).withApplicationProtocols("h2"),
                Settings.server(pki).withApplicationProtocols("http/1.1"));

        assertAlertExchanged(failures, "no_application_protocol", 120);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peerClients")
    void refusesAServerNameItDoesNotServe(Pairing pairing) throws Exception {
        Pki pki = Pkis.of(KeyType.EC_P256);

        Failures failures = pairing.connectExpectingFailure(Settings.client(pki).withServerName("other.example"),
                Settings.server(pki).withServerName("localhost"));

        assertAlertExchanged(failures, "unrecognized_name", 112);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peerClients")
    void refusesAClientWithoutTheCertificateItRequires(Pairing pairing) throws Exception {
        Pki pki = Pkis.of(KeyType.EC_P256);

        Failures failures = pairing.connectExpectingFailure(Settings.client(pki),
                Settings.server(pki).requiringClientAuth());

        // TLS 1.3's alert for it, which the client can only learn on its first read, after its side of the
        // handshake. openssl reads it; the JSSE clients write their request first, and the server's close
        // after its alert may reset the connection under that write (SunJSSE's own server does the same to
        // them): they fail, by timing with the alert or a reset.
        assertSent(failures, "certificate_required");
        assertFalse(failures.client().isEmpty(), () -> "the client did not fail:\n" + failures);
        if (pairing.client() == Interop.OPENSSL) {
            assertReceived(failures, "certificate_required", 116);
        }
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
