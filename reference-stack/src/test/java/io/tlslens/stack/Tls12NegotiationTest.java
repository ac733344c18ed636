package io.tlslens.stack;

import static io.tlslens.stack.Failures.assertFails;
import static io.tlslens.stack.Failures.assertPeerReceivesAlert;
import static io.tlslens.stack.Failures.last;
import static io.tlslens.stack.Failures.plaintextAlert;
import static io.tlslens.stack.Tls12Flights.replace;
import static io.tlslens.stack.Tls12Flights.rewrite;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tlslens.observe.Decision;
import io.tlslens.observe.Decision.Subjects;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.Extension;
import io.tlslens.wire.HandshakeDecoder;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.ServerHello;
import io.tlslens.wire.SupportedVersionsExtension;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Version negotiation between TLS 1.3 and 1.2 in one stack (RFC 8446 §4.2.1, §4.1.3): each side's
 * enabled versions honoured, the decision and its evidence reported, and the downgrade sentinel
 * written by a 1.3-capable server that negotiates 1.2 and refused by a 1.3-capable client.
 */
class Tls12NegotiationTest {
    private static final List<Integer> TLS13 = List.of(ProtocolVersion.TLSv1_3);
    private static final List<Integer> TLS12 = List.of(ProtocolVersion.TLSv1_2);
    private static final byte[] DOWNGRADE_TLS12 = "DOWNGRD\u0001".getBytes(StandardCharsets.US_ASCII);

    @Test
    void clientOfferingBothMeetsATls12OnlyServer() throws Exception {
        RecordingObserver clientEvents = new RecordingObserver();
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(TestConfigs.client().observer(clientEvents).build(),
                TestConfigs.server().versions(TLS12).observer(serverEvents).build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        List<byte[]> flight = Loopback.takeRecords(pair.server);
        ServerHello hello = serverHello(flight);
        Loopback.deliver(pair.client, flight);
        pair.pump();

        assertEquals(ProtocolVersion.TLSv1_2, clientEvents.negotiated.version());
        assertFalse(Arrays.equals(DOWNGRADE_TLS12, tail(hello.random())), "a server without TLS 1.3 writes no sentinel");
        Decision client = clientEvents.decision(Subjects.VERSION).orElseThrow();
        assertEquals("TLSv1.2", client.outcome().orElseThrow());
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), client.evidence().get("client.offered"));
        Decision server = serverEvents.decision(Subjects.VERSION).orElseThrow();
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), server.evidence().get("client.versions"));
        assertEquals(List.of("TLSv1.2"), server.evidence().get("server.versions"));
        assertEquals(List.of("sent ClientHello", "received ServerHello", "received Certificate", "received ServerKeyExchange",
                "received ServerHelloDone", "sent ClientKeyExchange", "sent ChangeCipherSpec", "sent Finished",
                "received ChangeCipherSpec", "received Finished"), clientEvents.messages());
        assertEquals("over 1.2", Loopback.transfer(pair.client, pair.server, "over 1.2"));
    }

    @Test
    void tls12OnlyClientMeetsAServerOfferingBothWhichWritesTheSentinel() throws Exception {
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(TestConfigs.client().versions(TLS12).build(), TestConfigs.server().observer(serverEvents).build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        List<byte[]> flight = Loopback.takeRecords(pair.server);
        assertArrayEquals(DOWNGRADE_TLS12, tail(serverHello(flight).random()));
        Loopback.deliver(pair.client, flight);
        pair.pump();

        assertEquals(ProtocolVersion.TLSv1_2, pair.server.view().version().getAsInt());
        Decision server = serverEvents.decision(Subjects.VERSION).orElseThrow();
        assertEquals("TLSv1.2", server.outcome().orElseThrow());
        assertEquals(List.of("TLSv1.2 (legacy_version, no supported_versions)"), server.evidence().get("client.versions"));
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), server.evidence().get("server.versions"));
    }

    @Test
    void bothOfferingBothAgreeOnTls13() throws Exception {
        RecordingObserver clientEvents = new RecordingObserver();
        Loopback pair = new Loopback(TestConfigs.client().observer(clientEvents).build(), TestConfigs.server().build());
        pair.handshake();
        assertEquals(ProtocolVersion.TLSv1_3, clientEvents.negotiated.version());
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), clientEvents.decision(Subjects.VERSION).orElseThrow().evidence().get("client.offered"));
    }

    /** A middle strips TLS 1.3 from the ClientHello: the server answers in 1.2 with the sentinel, which the client refuses. */
    @Test
    void forgedDowngradeIsRefusedWithIllegalParameter() throws Exception {
        RecordingObserver clientEvents = new RecordingObserver();
        Loopback pair = new Loopback(TestConfigs.client().observer(clientEvents).build(), TestConfigs.server().build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, rewrite(Loopback.takeRecords(pair.client), replace(ClientHello.class, hello ->
                new ClientHello(hello.legacyVersion(), hello.random(), hello.sessionId(), hello.cipherSuites(), hello.compressionMethods(),
                        hello.extensions().stream().map(e -> e instanceof SupportedVersionsExtension
                                ? SupportedVersionsExtension.offered(TLS12) : e).collect(Collectors.<Extension>toList())))));
        List<byte[]> flight = Loopback.takeRecords(pair.server);

        List<byte[]> out = assertFails(pair.client, AlertDescription.illegal_parameter, () -> Loopback.deliver(pair.client, flight));
        assertEquals(AlertDescription.illegal_parameter, plaintextAlert(last(out)).description());
        assertPeerReceivesAlert(pair.server, out, AlertDescription.illegal_parameter);
        Decision version = clientEvents.decision(Subjects.VERSION).orElseThrow();
        assertFalse(version.outcome().isPresent());
        assertEquals("downgrade sentinel in a TLS 1.2 ServerHello: a TLS 1.3 server was forced down", version.reason());
    }

    @Test
    void tls13OnlyClientAndTls12OnlyServerShareNoVersion() throws Exception {
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(TestConfigs.client().versions(TLS13).build(),
                TestConfigs.server().versions(TLS12).observer(serverEvents).build());
        pair.client.beginHandshake();
        List<byte[]> out = assertFails(pair.server, AlertDescription.protocol_version,
                () -> Loopback.deliver(pair.server, Loopback.takeRecords(pair.client)));
        assertEquals(AlertDescription.protocol_version, plaintextAlert(last(out)).description());
        assertPeerReceivesAlert(pair.client, out, AlertDescription.protocol_version);
        Decision version = serverEvents.decision(Subjects.VERSION).orElseThrow();
        assertEquals(List.of("TLSv1.3"), version.evidence().get("client.versions"));
        assertEquals(List.of("TLSv1.2"), version.evidence().get("server.versions"));
    }

    @Test
    void tls12OnlyClientAndTls13OnlyServerShareNoVersion() throws Exception {
        Loopback pair = new Loopback(TestConfigs.client().versions(TLS12).build(), TestConfigs.server().versions(TLS13).build());
        pair.client.beginHandshake();
        List<byte[]> out = assertFails(pair.server, AlertDescription.protocol_version,
                () -> Loopback.deliver(pair.server, Loopback.takeRecords(pair.client)));
        assertPeerReceivesAlert(pair.client, out, AlertDescription.protocol_version);
    }

    private static ServerHello serverHello(List<byte[]> flight) throws Exception {
        return (ServerHello) Tls12Flights.messages(flight.subList(0, 1), new HandshakeDecoder()).get(0);
    }

    private static byte[] tail(byte[] random) {
        return Arrays.copyOfRange(random, 24, 32);
    }
}
