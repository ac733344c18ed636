package io.tlslens.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.observe.Decision;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.SignatureScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every TLS 1.3 suite × key exchange group × server key type, each a real handshake in memory. */
class HandshakeMatrixTest {

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (int suite : List.of(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384,
                CipherSuite.TLS_CHACHA20_POLY1305_SHA256)) {
            for (int group : List.of(NamedGroup.x25519, NamedGroup.secp256r1, NamedGroup.secp384r1)) {
                for (TestPki.KeyType key : TestPki.KeyType.values()) {
                    cases.add(Arguments.of(CipherSuite.name(suite), NamedGroup.name(group), key, suite, group));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("matrix")
    void handshakeAndData(String suiteName, String groupName, TestPki.KeyType key, int suite, int group) throws Exception {
        RecordingObserver clientEvents = new RecordingObserver();
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(
                TestConfigs.client().cipherSuites(List.of(suite)).groups(List.of(group)).keyShareGroups(List.of(group))
                        .observer(clientEvents).build(),
                TestConfigs.server(TestConfigs.serverKey(key)).observer(serverEvents).build());

        pair.handshake();

        assertEquals("ping", Loopback.transfer(pair.client, pair.server, "ping"));
        assertEquals("pong", Loopback.transfer(pair.server, pair.client, "pong"));
        assertEquals(suite, clientEvents.negotiated.cipherSuite());
        assertEquals(group, serverEvents.negotiated.group().getAsInt());
        assertEquals(expectedScheme(key), clientEvents.negotiated.signatureScheme().getAsInt());
        assertEquals(SignatureScheme.name(expectedScheme(key)),
                serverEvents.decision(Decision.Subjects.SIGNATURE_SCHEME).flatMap(Decision::outcome).orElseThrow());
        assertEquals("first client key share the server supports",
                serverEvents.decision(Decision.Subjects.GROUP).orElseThrow().reason());
        assertEquals(1, clientEvents.certificateChecks.size());
        // The server's key manager was asked (and timed); the client, not asked for a certificate, was not.
        assertFalse(serverEvents.credentialChoices.isEmpty());
        assertTrue(serverEvents.credentialChoices.stream().allMatch(nanos -> nanos >= 0));
        assertEquals(List.of(), clientEvents.credentialChoices);
    }

    private static int expectedScheme(TestPki.KeyType key) {
        switch (key) {
            case EC_P256: return SignatureScheme.ecdsa_secp256r1_sha256;
            case EC_P384: return SignatureScheme.ecdsa_secp384r1_sha384;
            case RSA_2048: return SignatureScheme.rsa_pss_rsae_sha256;
            case RSASSA_PSS: return SignatureScheme.rsa_pss_pss_sha256;
            default: return SignatureScheme.ed25519;
        }
    }
}
