package io.tlslens.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.ProtocolVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A full 1-RTT handshake between the reference client and server, and application data both ways. */
class HandshakeTest {

    @Test
    void oneRoundTripHandshakeThenApplicationData() throws Exception {
        RecordingObserver clientEvents = new RecordingObserver();
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(TestConfigs.client().observer(clientEvents).build(),
                TestConfigs.server().observer(serverEvents).build());

        pair.handshake();

        assertEquals("hello server", Loopback.transfer(pair.client, pair.server, "hello server"));
        assertEquals("hello client", Loopback.transfer(pair.server, pair.client, "hello client"));
        assertEquals(ProtocolVersion.TLSv1_3, pair.client.view().version().getAsInt());
        assertEquals(CipherSuite.TLS_AES_128_GCM_SHA256, pair.server.view().cipherSuite().getAsInt());
        assertEquals(NamedGroup.x25519, clientEvents.negotiated.group().getAsInt());
        assertEquals(List.of(
                "sent ClientHello",
                "received ServerHello", "received ChangeCipherSpec", "received EncryptedExtensions",
                "received Certificate", "received CertificateVerify", "received Finished",
                "sent ChangeCipherSpec", "sent Finished"), clientEvents.messages());
        assertEquals(List.of(
                "received ClientHello", "sent ServerHello", "sent ChangeCipherSpec", "sent EncryptedExtensions",
                "sent Certificate", "sent CertificateVerify", "sent Finished",
                "received ChangeCipherSpec", "received Finished"), serverEvents.messages());
        assertFalse(pair.client.isHandshaking());
        assertTrue(pair.server.isHandshakeComplete());
    }
}
