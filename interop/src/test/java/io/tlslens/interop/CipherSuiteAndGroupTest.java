package io.tlslens.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cipher suite with every group, the system under test in both roles. The peer allows only that
 * version, suite and group, so the handshake succeeds only if the system under test negotiates them; the
 * wire shows which were chosen. TLS 1.3 runs on RSA certificates (rsa_pss_rsae_*): Bouncy Castle's JSSE
 * takes its named groups as the curves an ECDSA certificate may use as well, so with ECDSA certificates it
 * could not be held to x25519 or a curve other than the certificate's. A TLS 1.2 suite names its
 * certificate type: TLS 1.2 runs the ECDHE_RSA suites with every group on an RSA certificate, and the
 * ECDHE_ECDSA suites on an ECDSA certificate on the group's own curve (P-256 for secp256r1, P-384 for
 * secp384r1). In TLS 1.2 the client's supported_groups bound the curve of the server's ECDSA key as well
 * (RFC 8422 §5.1; openssl's client refuses another with "wrong curve"), so a peer held to x25519 alone, or
 * to the other curve, cannot take an ECDSA certificate at all.
 */
class CipherSuiteAndGroupTest {

    static Stream<Arguments> suitesAndGroups() {
        return Pairing.bothRoles(Interop.UNDER_TEST, Interop.RESTRICTABLE_PEERS).stream()
                .flatMap(pairing -> Stream.of(
                        matrix(pairing, TlsVersion.TLS_1_3, ServerKey.RSA_2048, Interop.TLS13_CIPHER_SUITES),
                        matrix(pairing, TlsVersion.TLS_1_2, ServerKey.RSA_2048, Interop.TLS12_RSA_CIPHER_SUITES),
                        matrix(pairing, TlsVersion.TLS_1_2, ServerKey.ECDSA_P256, Interop.TLS12_ECDSA_CIPHER_SUITES,
                                List.of("secp256r1")),
                        matrix(pairing, TlsVersion.TLS_1_2, ServerKey.ECDSA_P384, Interop.TLS12_ECDSA_CIPHER_SUITES,
                                List.of("secp384r1")))
                        .flatMap(arguments -> arguments));
    }

    private static Stream<Arguments> matrix(Pairing pairing, TlsVersion version, ServerKey key, List<String> suites) {
        return matrix(pairing, version, key, suites, Interop.GROUPS);
    }

    private static Stream<Arguments> matrix(Pairing pairing, TlsVersion version, ServerKey key, List<String> suites,
            List<String> groups) {
        return suites.stream().flatMap(suite -> groups.stream()
                .map(group -> Arguments.of(pairing, version, key, suite, group)));
    }

    @ParameterizedTest(name = "{0}: {1} {2} {3} {4}")
    @MethodSource("suitesAndGroups")
    void negotiatesTheOnlySuiteAndGroupThePeerAllows(Pairing pairing, TlsVersion version, ServerKey key,
            String suite, String group) throws Exception {
        Settings client = Settings.client(key.pki()).withVersions(version);
        Settings server = key.serverSettings().withVersions(version);
        if (pairing.peerIsClient()) {
            client = client.withCipherSuites(suite).withGroups(group);
        } else {
            server = server.withCipherSuites(suite).withGroups(group);
        }

        Outcome outcome = pairing.connect(client, server, 1).assertExchanged(version);

        assertEquals(suite, outcome.wire(0).cipherSuite(), outcome::describe);
        assertEquals(group, outcome.wire(0).group(), outcome::describe);
        assertEquals("localhost", outcome.client(0).peerCommonName(), outcome::describe);
    }
}
