package io.tlslens.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every TLS 1.3 cipher suite with every group, the system under test in both roles, on one key type. The
 * peer allows only that suite and group, so the handshake succeeds only if the system under test negotiates
 * them; the wire shows which were chosen. The certificates are RSA (rsa_pss_rsae_*): Bouncy Castle's JSSE
 * takes its named groups as the curves an ECDSA certificate may use as well, so with ECDSA certificates it
 * could not be held to x25519 or a curve other than the certificate's.
 */
class CipherSuiteAndGroupTest {

    static Stream<Arguments> suitesAndGroups() {
        return Pairing.bothRoles(Interop.UNDER_TEST, Interop.RESTRICTABLE_PEERS).stream()
                .flatMap(pairing -> Interop.TLS13_CIPHER_SUITES.stream()
                        .flatMap(suite -> Interop.GROUPS.stream().map(group -> Arguments.of(pairing, suite, group))));
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("suitesAndGroups")
    void negotiatesTheOnlySuiteAndGroupThePeerAllows(Pairing pairing, String suite, String group) throws Exception {
        Pki pki = Pkis.of(KeyType.RSA_2048);
        Settings client = Settings.client(pki);
        Settings server = Settings.server(pki);
        if (pairing.peerIsClient()) {
            client = client.withCipherSuites(suite).withGroups(group);
        } else {
            server = server.withCipherSuites(suite).withGroups(group);
        }

        Outcome outcome = pairing.connect(client, server, 1).assertExchanged();

        assertEquals(suite, outcome.wire(0).cipherSuite(), outcome::describe);
        assertEquals(group, outcome.wire(0).group(), outcome::describe);
        assertEquals("localhost", outcome.client(0).peerCommonName(), outcome::describe);
    }
}
