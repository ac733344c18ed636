package io.tlslens.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each RSA-PSS signature scheme of TLS 1.3, the system under test in both roles. The peer allows only that
 * scheme: as a client it offers it alone, so the server must sign with it; as a server it signs with
 * nothing else, so the client must accept it. An RSA key signs rsa_pss_rsae_*, an RSASSA-PSS key
 * rsa_pss_pss_*; the other key types have one scheme each, which {@link KeyTypeTest} covers.
 */
class SignatureSchemeTest {

    static Stream<Arguments> schemes() {
        return Pairing.bothRoles(Interop.UNDER_TEST, Interop.RESTRICTABLE_PEERS).stream().flatMap(pairing -> Stream.of(
                Arguments.of(pairing, ServerKey.RSA_2048, "rsa_pss_rsae_sha256"),
                Arguments.of(pairing, ServerKey.RSA_2048, "rsa_pss_rsae_sha384"),
                Arguments.of(pairing, ServerKey.RSA_2048, "rsa_pss_rsae_sha512"),
                Arguments.of(pairing, ServerKey.RSASSA_PSS_2048, "rsa_pss_pss_sha256"),
                Arguments.of(pairing, ServerKey.RSASSA_PSS_2048, "rsa_pss_pss_sha384"),
                Arguments.of(pairing, ServerKey.RSASSA_PSS_2048, "rsa_pss_pss_sha512")));
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("schemes")
    void signsWithTheOnlySchemeThePeerAllows(Pairing pairing, ServerKey key, String scheme) throws Exception {
        Settings client = Settings.client(key.pki());
        Settings server = key.serverSettings();
        if (pairing.peerIsClient()) {
            client = client.withSignatureSchemes(scheme);
        } else {
            server = server.withSignatureSchemes(scheme);
        }

        Outcome outcome = pairing.connect(client, server, 1).assertExchanged(TlsVersion.TLS_1_3);

        if (pairing.peerIsClient()) {
            assertEquals(List.of(scheme),
                    outcome.wire(0).signatureSchemesOffered(), outcome::describe);
        }
    }
}
