package io.tlslens.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.observe.Decision;
import io.tlslens.observe.Decision.Subjects;
import io.tlslens.wire.NamedGroup;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Session tickets, PSK resumption (psk_dhe_ke) and 0-RTT early data, accepted and rejected. */
class ResumptionTest {
    private final SessionStore clientStore = new InMemorySessionStore();
    private final SessionStore serverStore = new InMemorySessionStore();

    private Loopback connect(TlsConfig.Builder client, TlsConfig.Builder server) throws Exception {
        Loopback pair = new Loopback(client.sessions(clientStore).build(), server.sessions(serverStore).build());
        pair.handshake();
        return pair;
    }

    @Test
    void ticketFromTheFirstHandshakeResumesTheSecond() throws Exception {
        Loopback first = connect(TestConfigs.client(), TestConfigs.server().ticketsToIssue(2));
        assertFalse(first.client.view().resumed());

        RecordingObserver clientEvents = new RecordingObserver();
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback second = connect(TestConfigs.client().observer(clientEvents), TestConfigs.server().observer(serverEvents));

        assertTrue(second.client.view().resumed());
        assertTrue(second.server.view().resumed());
        assertTrue(clientEvents.negotiated.resumed());
        assertEquals(List.of("received ClientHello", "sent ServerHello", "sent ChangeCipherSpec", "sent EncryptedExtensions",
                "sent Finished", "received ChangeCipherSpec", "received Finished", "sent NewSessionTicket"), serverEvents.messages());
        assertEquals("psk_dhe_ke", serverEvents.decision(Subjects.RESUMPTION).flatMap(Decision::outcome).orElseThrow());
        assertEquals(first.client.view().peerCertificates(), second.client.view().peerCertificates());
        assertEquals("ping", Loopback.transfer(second.client, second.server, "ping"));
    }

    @Test
    void ticketOfAnotherServerIsNotResumed() throws Exception {
        connect(TestConfigs.client(), TestConfigs.server());
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(TestConfigs.client().sessions(clientStore).build(),
                TestConfigs.server().sessions(new InMemorySessionStore()).observer(serverEvents).build());
        pair.handshake();
        assertFalse(pair.client.view().resumed());
        assertEquals("full_handshake", serverEvents.decision(Subjects.RESUMPTION).flatMap(Decision::outcome).orElseThrow());
    }

    @Test
    void resumptionAfterHelloRetryRequestBindsTheRetryTranscript() throws Exception {
        TlsConfig.Builder server = TestConfigs.server().groups(List.of(NamedGroup.secp256r1));
        connect(TestConfigs.client().keyShareGroups(List.of(NamedGroup.x25519)), server);
        RecordingObserver clientEvents = new RecordingObserver();
        Loopback second = connect(TestConfigs.client().keyShareGroups(List.of(NamedGroup.x25519)).observer(clientEvents),
                TestConfigs.server().groups(List.of(NamedGroup.secp256r1)));
        assertTrue(second.server.view().resumed());
        assertTrue(clientEvents.negotiated.helloRetry());
    }

    @Test
    void earlyDataAcceptedArrivesBeforeTheHandshakeCompletes() throws Exception {
        connect(TestConfigs.client(), TestConfigs.server().maxEarlyData(1024));
        RecordingObserver clientEvents = new RecordingObserver();
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(TestConfigs.client().earlyData(true).observer(clientEvents).sessions(clientStore).build(),
                TestConfigs.server().maxEarlyData(1024).observer(serverEvents).sessions(serverStore).build());
        pair.client.beginHandshake();
        assertEquals(5, pair.client.writePlaintext(ByteBuffer.wrap("early".getBytes(StandardCharsets.UTF_8))));
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));

        assertFalse(pair.server.isHandshakeComplete());
        assertEquals("early", Loopback.read(pair.server));
        pair.pump();
        assertTrue(pair.client.isHandshakeComplete() && pair.server.isHandshakeComplete());
        assertEquals("accepted", serverEvents.decision(Subjects.EARLY_DATA).flatMap(Decision::outcome).orElseThrow());
        assertEquals("accepted", clientEvents.decision(Subjects.EARLY_DATA).flatMap(Decision::outcome).orElseThrow());
        assertTrue(clientEvents.messages().contains("sent EndOfEarlyData"));
        assertTrue(serverEvents.messages().contains("received EndOfEarlyData"));
        assertEquals("after", Loopback.transfer(pair.client, pair.server, "after"));
    }

    @Test
    void earlyDataRejectedIsSkippedAndTheHandshakeCompletes() throws Exception {
        connect(TestConfigs.client(), TestConfigs.server().maxEarlyData(1024));
        RecordingObserver clientEvents = new RecordingObserver();
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(TestConfigs.client().earlyData(true).observer(clientEvents).sessions(clientStore).build(),
                TestConfigs.server().observer(serverEvents).sessions(serverStore).build());
        pair.client.beginHandshake();
        pair.client.writePlaintext(ByteBuffer.wrap("lost early data".getBytes(StandardCharsets.UTF_8)));
        pair.client.writePlaintext(ByteBuffer.wrap("more lost early data".getBytes(StandardCharsets.UTF_8)));
        pair.pump();

        assertTrue(pair.client.isHandshakeComplete() && pair.server.isHandshakeComplete());
        assertTrue(pair.server.view().resumed());
        assertEquals(0, pair.server.availablePlaintext());
        assertEquals("server does not accept early data", serverEvents.decision(Subjects.EARLY_DATA).orElseThrow().reason());
        assertEquals("rejected", clientEvents.decision(Subjects.EARLY_DATA).flatMap(Decision::outcome).orElseThrow());
        assertEquals("after", Loopback.transfer(pair.client, pair.server, "after"));
    }

    @Test
    void replayedClientHelloWithEarlyDataIsNotResumedTwice() throws Exception {
        connect(TestConfigs.client(), TestConfigs.server().maxEarlyData(1024));
        Loopback pair = new Loopback(TestConfigs.client().earlyData(true).sessions(clientStore).build(),
                TestConfigs.server().maxEarlyData(1024).sessions(serverStore).build());
        pair.client.beginHandshake();
        pair.client.writePlaintext(ByteBuffer.wrap("transfer 100".getBytes(StandardCharsets.UTF_8)));
        List<byte[]> flight = Loopback.takeRecords(pair.client);
        Loopback.deliver(pair.server, flight);
        assertEquals("transfer 100", Loopback.read(pair.server));

        RecordingObserver replayEvents = new RecordingObserver();
        TlsConnection replayTarget = Tls.server(TestConfigs.server().maxEarlyData(1024).sessions(serverStore).observer(replayEvents).build());
        Loopback.deliver(replayTarget, flight);
        assertEquals(0, replayTarget.availablePlaintext());
        assertEquals("ticket already used (single use with early data on)",
                replayEvents.decision(Subjects.RESUMPTION).orElseThrow().reason());
    }

    @Test
    void earlyDataIsBoundedByTheTicket() throws Exception {
        connect(TestConfigs.client(), TestConfigs.server().maxEarlyData(10));
        Loopback pair = new Loopback(TestConfigs.client().earlyData(true).sessions(clientStore).build(),
                TestConfigs.server().maxEarlyData(10).sessions(serverStore).build());
        pair.client.beginHandshake();
        ByteBuffer src = ByteBuffer.wrap("0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        assertEquals(10, pair.client.writePlaintext(src));
        assertEquals(6, src.remaining());
        org.junit.jupiter.api.Assertions.assertThrows(javax.net.ssl.SSLException.class, () -> pair.client.writePlaintext(src));
        pair.pump();
        assertEquals("0123456789", Loopback.read(pair.server));
    }
}
