package io.tlslens.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.ProtocolVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A full TLS 1.2 handshake (RFC 5246 §7.3) between the reference client and server, and application data both ways. */
class Tls12HandshakeTest {
    static final List<Integer> TLS12 = List.of(ProtocolVersion.TLSv1_2);

    @Test
    void fullHandshakeThenApplicationData() throws Exception {
        RecordingObserver clientEvents = new RecordingObserver();
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(TestConfigs.client().versions(TLS12).observer(clientEvents).build(),
                TestConfigs.server().versions(TLS12).observer(serverEvents).build());

        pair.handshake();

        assertEquals("hello server", Loopback.transfer(pair.client, pair.server, "hello server"));
        assertEquals("hello client", Loopback.transfer(pair.server, pair.client, "hello client"));
        assertEquals(ProtocolVersion.TLSv1_2, pair.client.view().version().getAsInt());
        assertEquals(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, pair.server.view().cipherSuite().getAsInt());
        assertEquals(NamedGroup.x25519, clientEvents.negotiated.group().getAsInt());
        assertEquals(List.of(
                "sent ClientHello",
                "received ServerHello", "received Certificate", "received ServerKeyExchange", "received ServerHelloDone",
                "sent ClientKeyExchange", "sent ChangeCipherSpec", "sent Finished",
                "received ChangeCipherSpec", "received Finished"), clientEvents.messages());
        assertEquals(List.of(
                "received ClientHello",
                "sent ServerHello", "sent Certificate", "sent ServerKeyExchange", "sent ServerHelloDone",
                "received ClientKeyExchange", "received ChangeCipherSpec", "received Finished",
                "sent ChangeCipherSpec", "sent Finished"), serverEvents.messages());
        assertEquals(List.of("master secret"), clientEvents.secrets);
        assertTrue(pair.server.isHandshakeComplete());
    }
}
