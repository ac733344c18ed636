package io.tlslens.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every server key type against every peer, the system under test in both roles, default suites and groups:
 * in TLS 1.3 all of them, in TLS 1.2 the ECDSA and RSA keys its ECDHE_ECDSA and ECDHE_RSA suites use.
 */
class KeyTypeTest {

    static Stream<Arguments> keyTypes() {
        return Pairing.bothRoles(Interop.UNDER_TEST, Interop.PEERS).stream().flatMap(pairing -> Stream.concat(
                Stream.of(ServerKey.values()).map(key -> Arguments.of(pairing, TlsVersion.TLS_1_3, key)),
                Stream.of(ServerKey.ECDSA_P256, ServerKey.ECDSA_P384, ServerKey.RSA_2048)
                        .map(key -> Arguments.of(pairing, TlsVersion.TLS_1_2, key))));
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("keyTypes")
    void authenticatesTheServerWithEachKeyType(Pairing pairing, TlsVersion version, ServerKey key) throws Exception {
        Settings client = Settings.client(key.pki()).withVersions(version);
        Settings server = key.serverSettings().withVersions(version);

        Outcome outcome = pairing.connect(client, server, 1).assertExchanged(version);

        assertEquals("localhost", outcome.client(0).peerCommonName(), outcome::describe);
    }
}
