package io.tlslens.agent.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.tlslens.agent.AgentThread;
import io.tlslens.agent.config.AgentConfig;
import io.tlslens.agent.export.HandshakeExporter;
import io.tlslens.agent.export.Ladder;
import io.tlslens.agent.record.Direction;
import io.tlslens.agent.record.EpochClock;
import io.tlslens.agent.record.EventQueue;
import io.tlslens.agent.record.Failure;
import io.tlslens.agent.record.Flights;
import io.tlslens.agent.record.HandshakeRecord;
import io.tlslens.agent.record.QueuedEvent;
import io.tlslens.agent.record.RecordedMessage;
import io.tlslens.agent.record.Role;
import io.tlslens.observe.Decision;
import io.tlslens.observe.HandshakeObserver;
import io.tlslens.observe.Negotiated;
import io.tlslens.observe.Observation;
import io.tlslens.wire.Alert;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.AlertLevel;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.DecodeException;
import io.tlslens.wire.HandshakeDecoder;
import io.tlslens.wire.HandshakeMessage;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.SignatureScheme;
import java.io.EOFException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reference stack's reports, as a connection makes them, through the installed observer
 * factory, the queue and the recorder thread's side, into records and (through the real exporter)
 * spans. The messages are real wire-codec values.
 */
class ReferenceRecordingTest {

    private static final List<X509Certificate> SERVER_CHAIN = Flights.pki().server().chain();
    private static final List<String> OFFERED = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384");
    private static final List<String> ENABLED = List.of("TLS_CHACHA20_POLY1305_SHA256");

    private final EventQueue<QueuedEvent> queue = new EventQueue<>(256);
    private final ReferenceObservation observation = ReferenceObservation.install(AgentConfig.fromAgentArgs(""), queue);
    /** Decodes the test's messages in order, as a connection's decoder would. */
    private final HandshakeDecoder decoder = new HandshakeDecoder();
    private final List<HandshakeRecord> records = new ArrayList<>();

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final HandshakeExporter exporter = new HandshakeExporter(
            SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build().get("test"),
            SdkMeterProvider.builder().build().get("test"), new EpochClock(), null);

    @AfterEach
    void uninstall() {
        observation.uninstall();
    }

    private HandshakeMessage message(byte[] encoded) throws DecodeException {
        return decoder.decode(encoded);
    }

    /** Runs what the recorder thread would: every queued event, in order. */
    private List<HandshakeRecord> record() {
        QueuedEvent event;
        while ((event = queue.poll()) != null) {
            event.record(records::add);
        }
        return records;
    }

    private SpanData span(HandshakeRecord record) {
        spans.reset();
        exporter.accept(record);
        return spans.getFinishedSpanItems().get(0);
    }

    private static Map<String, List<String>> evidence(List<String> offered, List<String> enabled) {
        Map<String, List<String>> evidence = new LinkedHashMap<>();
        evidence.put("client.offered", offered);
        evidence.put("server.enabled", enabled);
        return evidence;
    }

    private static Decision suiteChosen() {
        return Decision.chose(Decision.Subjects.CIPHER_SUITE, "TLS_AES_128_GCM_SHA256",
                "first client suite the server enables", evidence(OFFERED, OFFERED));
    }

    private static List<String> names(List<EventData> events) {
        return events.stream().map(EventData::getName).collect(Collectors.toList());
    }

    /** A TLS 1.3 server's full handshake as the reference stack reports it. */
    private HandshakeObserver serverHandshake() throws DecodeException {
        HandshakeObserver server = Observation.open(false, null, -1);
        server.messageReceived(Flights.clientHello13("localhost", List.of(NamedGroup.x25519), "h2"));
        server.decision(Decision.chose(Decision.Subjects.VERSION, "TLSv1.3", "highest version both enable",
                Map.of("client.offered", List.of("TLSv1.3", "TLSv1.2"))));
        server.decision(suiteChosen());
        server.messageSent(message(Flights.serverHello13(CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.x25519, false)));
        server.changeCipherSpecSent();
        server.messageSent(message(Flights.encryptedExtensions("h2")));
        server.messageSent(message(Flights.certificate13(SERVER_CHAIN)));
        server.messageSent(message(Flights.certificateVerify(SignatureScheme.ecdsa_secp256r1_sha256)));
        server.messageSent(message(Flights.finished()));
        server.changeCipherSpecReceived();
        server.messageReceived(message(Flights.finished()));
        server.established(new Negotiated(ProtocolVersion.TLSv1_3, CipherSuite.TLS_AES_128_GCM_SHA256,
                NamedGroup.x25519, SignatureScheme.ecdsa_secp256r1_sha256, "h2", "localhost", false, false,
                List.of(), SERVER_CHAIN));
        return server;
    }

    @Test
    void serverHandshakeIsOneRecordOfTheReferenceStack() throws Exception {
        serverHandshake();
        List<HandshakeRecord> recorded = record();

        assertEquals(1, recorded.size());
        HandshakeRecord record = recorded.get(0);
        assertEquals("reference", record.stack());
        assertEquals(Role.SERVER, record.role());
        assertTrue(record.established());
        assertFalse(record.isPostHandshake());
        assertEquals(SERVER_CHAIN, record.localCertificates());
        assertEquals(List.of("ClientHello", "ServerHello", "ChangeCipherSpec", "EncryptedExtensions", "Certificate",
                "CertificateVerify", "Finished", "ChangeCipherSpec", "Finished"),
                record.messages().stream().map(RecordedMessage::name).collect(Collectors.toList()));
        assertEquals(List.of(Direction.RECEIVED, Direction.SENT, Direction.SENT, Direction.SENT, Direction.SENT,
                Direction.SENT, Direction.SENT, Direction.RECEIVED, Direction.RECEIVED),
                record.messages().stream().map(RecordedMessage::direction).collect(Collectors.toList()));
        for (RecordedMessage message : record.messages()) {
            if (message.isHandshake()) {
                assertEquals(((HandshakeMessage) message.decoded()).encode().length, message.length(), message.name());
            }
        }
        for (int i = 1; i < record.messages().size(); i++) {
            assertTrue(record.messages().get(i).nanoTime() >= record.messages().get(i - 1).nanoTime(), "timestamps");
        }
        assertEquals(2, record.decisions().size());
        assertEquals(1, record.decisions().get(1).messagesBefore(), "taken on the ClientHello");
    }

    @Test
    void itsSpanHasTheContractAttributesAndTheDecisionsAmongTheMessages() throws Exception {
        serverHandshake();
        SpanData span = span(record().get(0));

        assertEquals("TLS server handshake", span.getName());
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
        Attributes a = span.getAttributes();
        assertEquals("reference", a.get(AttributeKey.stringKey("tlslens.stack")));
        assertEquals("server", a.get(AttributeKey.stringKey("tlslens.role")));
        assertEquals("1.3", a.get(AttributeKey.stringKey("tls.protocol.version")));
        assertEquals("TLS_AES_128_GCM_SHA256", a.get(AttributeKey.stringKey("tls.cipher")));
        assertEquals("x25519", a.get(AttributeKey.stringKey("tls.curve")));
        assertEquals("h2", a.get(AttributeKey.stringKey("tls.next_protocol")));
        assertEquals("localhost", a.get(AttributeKey.stringKey("server.address")));
        assertEquals(SERVER_CHAIN.get(0).getSubjectX500Principal().getName(),
                a.get(AttributeKey.stringKey("tls.server.subject")));

        List<EventData> events = span.getEvents();
        assertEquals(List.of("ClientHello", "tlslens.decision", "tlslens.decision", "ServerHello", "ChangeCipherSpec",
                "EncryptedExtensions", "Certificate", "CertificateVerify", "Finished", "ChangeCipherSpec", "Finished"),
                names(events));
        Attributes decision = events.get(2).getAttributes();
        assertEquals("cipher_suite", decision.get(AttributeKey.stringKey("tlslens.decision.subject")));
        assertEquals("TLS_AES_128_GCM_SHA256", decision.get(AttributeKey.stringKey("tlslens.decision.outcome")));
        assertEquals("first client suite the server enables",
                decision.get(AttributeKey.stringKey("tlslens.decision.reason")));
        assertEquals(OFFERED, decision.get(AttributeKey.stringArrayKey("tlslens.decision.evidence.client.offered")));
        assertEquals(OFFERED, decision.get(AttributeKey.stringArrayKey("tlslens.decision.evidence.server.enabled")));
        assertEquals("received", events.get(0).getAttributes().get(AttributeKey.stringKey("tlslens.direction")));
    }

    @Test
    void ladderShowsEachDecisionAsOneLineUnderThisSide() throws Exception {
        serverHandshake();
        String ladder = Ladder.render(span(record().get(0)));

        List<String> decisionLines = ladder.lines().filter(line -> line.contains("* ")).collect(Collectors.toList());
        assertEquals(2, decisionLines.size(), ladder);
        assertTrue(decisionLines.get(0).endsWith("* version = TLSv1.3: highest version both enable"),
                "the server's side is the right: " + decisionLines.get(0));
        assertTrue(decisionLines.get(1).contains("* cipher_suite = TLS_AES_128_GCM_SHA256: first client suite"),
                decisionLines.get(1));
        assertTrue(decisionLines.get(1).endsWith("..."), "cut to one line: " + decisionLines.get(1));
        ladder.lines().forEach(line -> assertTrue(line.length() <= 80, line));
    }

    @Test
    void ticketAfterTheHandshakeIsAPostHandshakeRecord() throws Exception {
        HandshakeObserver server = serverHandshake();
        server.messageSent(message(Flights.newSessionTicket13(7200)));
        List<HandshakeRecord> recorded = record();

        assertEquals(2, recorded.size());
        HandshakeRecord ticket = recorded.get(1);
        assertTrue(ticket.isPostHandshake());
        assertEquals("reference", ticket.stack());
        assertEquals(List.of("NewSessionTicket"),
                ticket.messages().stream().map(RecordedMessage::name).collect(Collectors.toList()));
        assertEquals("TLS server post-handshake", span(ticket).getName());
    }

    @Test
    void failedDecisionNamesTheCauseWithItsEvidence() throws Exception {
        HandshakeObserver server = Observation.open(false, null, -1);
        server.messageReceived(Flights.clientHello13("localhost", List.of(NamedGroup.x25519)));
        server.decision(Decision.none(Decision.Subjects.CIPHER_SUITE, "no cipher suite the client offered is enabled",
                evidence(OFFERED, ENABLED)));
        server.alertSent(new Alert(AlertLevel.fatal, AlertDescription.handshake_failure));
        server.failed(new SSLHandshakeException("handshake_failure: no common cipher suite"));
        HandshakeRecord record = record().get(0);

        assertEquals(Failure.Origin.LOCAL_ERROR, record.failure().origin());
        assertEquals(AlertDescription.handshake_failure, record.failure().alert());
        SpanData span = span(record);
        Attributes a = span.getAttributes();
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals("no_common_cipher_suite", a.get(AttributeKey.stringKey("error.type")));
        assertEquals("local", a.get(AttributeKey.stringKey("tlslens.failure.side")));
        assertEquals("handshake_failure", a.get(AttributeKey.stringKey("tlslens.failure.alert")));
        assertEquals("No acceptable cipher suite: no cipher suite the client offered is enabled (client.offered: "
                + "[TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384]; server.enabled: [TLS_CHACHA20_POLY1305_SHA256]).",
                a.get(AttributeKey.stringKey("tlslens.failure.detail")));
        assertTrue(a.get(AttributeKey.stringKey("tlslens.failure.hint")).contains("setCipherSuites"));
        assertEquals(List.of("ClientHello", "tlslens.decision", "Alert"), names(span.getEvents()));
        assertNull(span.getEvents().get(1).getAttributes().get(AttributeKey.stringKey("tlslens.decision.outcome")),
                "nothing was chosen");
        assertTrue(Ladder.render(span).contains("* cipher_suite = none: no cipher suite the client offered"));
    }

    @Test
    void peerAlertIsThePeersFailure() throws Exception {
        HandshakeObserver client = Observation.open(true, "localhost", 8443);
        client.messageSent(Flights.clientHello13("localhost", List.of(NamedGroup.x25519)));
        client.alertReceived(new Alert(AlertLevel.fatal, AlertDescription.handshake_failure));
        client.failed(new SSLHandshakeException("Received fatal alert: handshake_failure"));
        HandshakeRecord record = record().get(0);

        assertEquals(Failure.Origin.PEER_ALERT, record.failure().origin());
        assertEquals(Role.CLIENT, record.role());
        Attributes a = span(record).getAttributes();
        assertEquals("peer", a.get(AttributeKey.stringKey("tlslens.failure.side")));
        assertEquals("handshake_failure", a.get(AttributeKey.stringKey("tlslens.failure.alert")));
        assertEquals(8443L, a.get(AttributeKey.longKey("server.port")));
    }

    @Test
    void certificateRefusedByTheTrustManagerIsDiagnosedFromTheException() throws Exception {
        HandshakeObserver client = Observation.open(true, "localhost", 8443);
        client.messageSent(Flights.clientHello13("localhost", List.of(NamedGroup.x25519)));
        client.messageReceived(message(Flights.serverHello13(CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.x25519,
                false)));
        client.messageReceived(message(Flights.encryptedExtensions(null)));
        client.messageReceived(message(Flights.certificate13(SERVER_CHAIN)));
        client.peerCertificatesChecked(2_000_000);
        client.decision(Decision.none(Decision.Subjects.CERTIFICATE, "server chain rejected: PKIX path building failed",
                Map.of("server.chain", List.of("CN=localhost"))));
        client.alertSent(new Alert(AlertLevel.fatal, AlertDescription.certificate_unknown));
        SSLHandshakeException refused = new SSLHandshakeException("certificate_unknown: server certificate chain "
                + "rejected");
        refused.initCause(new CertificateException("PKIX path building failed",
                new CertPathValidatorException("Path does not chain with any of the trust anchors")));
        client.failed(refused);
        HandshakeRecord record = record().get(0);

        assertEquals(Failure.Origin.LOCAL_ERROR, record.failure().origin());
        assertEquals(2_000_000, record.certificateCheckNanos());
        Attributes a = span(record).getAttributes();
        assertEquals("untrusted_certificate", a.get(AttributeKey.stringKey("error.type")));
        assertEquals("local", a.get(AttributeKey.stringKey("tlslens.failure.side")));
    }

    @Test
    void serverWithoutACertificateForTheClientsSchemesIsASignatureMismatch() throws Exception {
        HandshakeObserver server = Observation.open(false, null, -1);
        server.messageReceived(Flights.clientHello13("localhost", List.of(NamedGroup.x25519)));
        server.decision(suiteChosen());
        server.decision(Decision.none(Decision.Subjects.CERTIFICATE, "no server certificate for the client's "
                + "signature_algorithms", Map.of("client.signature_algorithms", List.of("ed25519"))));
        server.alertSent(new Alert(AlertLevel.fatal, AlertDescription.handshake_failure));
        server.failed(new SSLHandshakeException("handshake_failure: no certificate"));

        Attributes a = span(record().get(0)).getAttributes();
        assertEquals("signature_algorithm_mismatch", a.get(AttributeKey.stringKey("error.type")));
        assertEquals("No acceptable certificate: no server certificate for the client's signature_algorithms "
                + "(client.signature_algorithms: [ed25519]).", a.get(AttributeKey.stringKey("tlslens.failure.detail")));
    }

    @Test
    void failedDecisionThatTheHandshakeWentOnFromIsNotTheCause() throws Exception {
        HandshakeObserver client = Observation.open(true, "localhost", 8443);
        client.messageSent(Flights.clientHello13("localhost", List.of(NamedGroup.x25519)));
        client.decision(Decision.none(Decision.Subjects.CLIENT_AUTHENTICATION,
                "no client certificate for the server's request", Map.of()));
        client.decision(Decision.chose(Decision.Subjects.CERTIFICATE, "CN=localhost", "server chain trusted",
                Map.of()));
        client.alertSent(new Alert(AlertLevel.fatal, AlertDescription.decode_error));
        client.failed(new SSLHandshakeException("decode_error: Finished is too short"));

        Attributes a = span(record().get(0)).getAttributes();
        assertEquals("decode_error", a.get(AttributeKey.stringKey("error.type")));
    }

    @Test
    void transportFailureWithoutAnAlertIsPeerClosed() throws Exception {
        HandshakeObserver client = Observation.open(true, "localhost", 8443);
        client.messageSent(Flights.clientHello13("localhost", List.of(NamedGroup.x25519)));
        client.failed(new SSLException("connection closed during the handshake", new EOFException()));
        HandshakeRecord record = record().get(0);

        assertEquals(Failure.Origin.ABORTED, record.failure().origin());
        assertEquals("peer_closed", span(record).getAttributes().get(AttributeKey.stringKey("error.type")));
    }

    @Test
    void abandonedHandshakeIsEndedByTheSweep() {
        ReferenceObservation quick = ReferenceObservation.install(AgentConfig.fromAgentArgs("handshake.timeout.ms=5"),
                queue);
        Observation.open(true, "localhost", 8443)
                .messageSent(Flights.clientHello13("localhost", List.of(NamedGroup.x25519)));
        record();
        assertTrue(records.isEmpty(), "still open");

        quick.recorder().sweep(System.nanoTime() + 1_000_000_000L, records::add);
        assertEquals(1, records.size());
        assertEquals(Failure.Origin.ABANDONED, records.get(0).failure().origin());
        assertEquals("handshake_timeout", span(records.get(0)).getAttributes().get(AttributeKey.stringKey("error.type")));
    }

    @Test
    void fullQueueDropsAndCountsWithoutFailingTheStack() {
        EventQueue<QueuedEvent> small = new EventQueue<>(2);
        ReferenceObservation.install(AgentConfig.fromAgentArgs(""), small);
        HandshakeObserver client = Observation.open(true, "localhost", 8443);
        for (int i = 0; i < 5; i++) {
            client.changeCipherSpecSent();
        }
        assertEquals(3, small.dropped());
    }

    @Test
    void tlslensOwnThreadsAreNotObserved() throws Exception {
        AtomicReference<HandshakeObserver> opened = new AtomicReference<>();
        Thread own = AgentThread.create(() -> opened.set(Observation.open(true, "collector", 4318)), "tlslens-test");
        own.start();
        own.join();
        assertSame(HandshakeObserver.NONE, opened.get());
    }
}
