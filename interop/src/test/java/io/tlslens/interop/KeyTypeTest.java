package io.tlslens.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every server key type against every peer, the system under test in both roles, default suites and groups. */
class KeyTypeTest {

    static Stream<Arguments> keyTypes() {
        return Pairing.bothRoles(Interop.UNDER_TEST, Interop.PEERS).stream()
                .flatMap(pairing -> Stream.of(ServerKey.values()).map(key -> Arguments.of(pairing, key)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("keyTypes")
    void authenticatesTheServerWithEachKeyType(Pairing pairing, ServerKey key) throws Exception {
        Settings client = Settings.client(key.pki());
        Settings server = key.serverSettings();

        Outcome outcome = pairing.connect(client, server, 1).assertExchanged();

        assertEquals("localhost", outcome.client(0).peerCommonName(), outcome::describe);
    }
}
