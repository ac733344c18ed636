package io.tlslens.agent.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.wire.Alert;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.Certificate;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.HandshakeType;
import io.tlslens.wire.KeyUpdate;
import io.tlslens.wire.NewSessionTicket;
import io.tlslens.wire.ServerHello;
import java.io.EOFException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HandshakeRecorderTest {

    private static final List<String> TLS13_FLIGHT = List.of("ClientHello", "ServerHello", "ChangeCipherSpec",
            "EncryptedExtensions", "Certificate", "CertificateVerify", "Finished", "ChangeCipherSpec", "Finished");

    private static List<String> names(HandshakeRecord record) {
        return record.messages().stream().map(RecordedMessage::name).collect(Collectors.toList());
    }

    private static Failure failure(String diagnostic) {
        return new Failure(Failure.Origin.LOCAL_ERROR, 40, diagnostic, null);
    }

    @Test
    void tls13FullFlightAsClientIsOneRecordInWireOrder() {
        Conversation c = new Conversation(Role.CLIENT).tls13Full();
        Peer peer = new Peer("localhost", "127.0.0.1", 8443, 50000);
        long completedAt = c.now();
        HandshakeRecord record = c.completed(peer, Flights.pki().server().chain(), List.of());

        assertNotNull(record);
        assertTrue(c.returned.isEmpty(), "no record before completion");
        assertEquals(TLS13_FLIGHT, names(record));
        assertEquals(Role.CLIENT, record.role());
        assertEquals("jsse", record.stack());
        assertFalse(record.isPostHandshake());
        assertTrue(record.established());
        assertNull(record.failure());
        assertSame(peer, record.peer());
        assertEquals(Conversation.T0, record.startNanos());
        assertEquals(completedAt, record.endNanos());
        assertEquals(Flights.pki().server().chain(), record.peerCertificates());

        List<Direction> directions = record.messages().stream().map(RecordedMessage::direction).collect(Collectors.toList());
        assertEquals(List.of(Direction.SENT, Direction.RECEIVED, Direction.RECEIVED, Direction.RECEIVED,
                Direction.RECEIVED, Direction.RECEIVED, Direction.RECEIVED, Direction.SENT, Direction.SENT), directions);
        for (int i = 0; i < record.messages().size(); i++) {
            RecordedMessage message = record.messages().get(i);
            assertEquals(c.times.get(i), message.nanoTime(), "time of " + message);
            if (message.isHandshake()) {
                assertNotNull(message.decoded(), "decoded " + message);
                assertNull(message.decodeError(), "no decode error for " + message);
            }
        }
        assertTrue(record.messages().get(0).decoded() instanceof ClientHello);
        assertEquals(Flights.clientHello13("localhost", "h2", "http/1.1").length, record.messages().get(0).length());
        assertEquals(HandshakeType.certificate, record.messages().get(4).handshakeType());
        assertEquals(2, record.messages().get(4).as(Certificate.class).entries().size(),
                "Certificate decoded in the TLS 1.3 shape learnt from the ServerHello");
        assertEquals(-1, record.messages().get(2).handshakeType(), "CCS has no handshake type");
        assertFalse(c.recorder.isOpen());
    }

    @Test
    void trustManagerTimeAddsUpPerHandshakeAndStartsAfreshWithTheNext() {
        Conversation c = new Conversation(Role.CLIENT).tls13ServerFlight("localhost", Flights.pki().server().chain(),
                null);
        c.recorder.certificatesChecked(1_000, 301_000);
        c.recorder.certificatesChecked(2_000, 52_000);
        assertEquals(350_000, c.completed().certificateCheckNanos());

        c.recorder.certificatesChecked(1_000, 9_000); // between handshakes: belongs to none
        c.fromClient(Flights.clientHello13("localhost"));
        assertEquals(0, c.failed(new Failure(Failure.Origin.ABANDONED, -1, "gone", null)).certificateCheckNanos());
    }

    @Test
    void keyManagerTimeAddsUpPerHandshakeAndStartsAfreshWithTheNext() {
        Conversation c = new Conversation(Role.SERVER);
        c.fromClient(Flights.clientHello13("localhost"));
        c.recorder.keySelected(1_000, 201_000); // SunJSSE may ask once per key type it can use
        c.recorder.keySelected(2_000, 7_000);
        c.tls13ServerFlight("localhost", Flights.pki().server().chain(), null);
        HandshakeRecord first = c.completed();
        assertEquals(205_000, first.keySelectionNanos());
        assertEquals(0, first.certificateCheckNanos(), "the two timings are kept apart");

        c.recorder.keySelected(1_000, 9_000); // between handshakes: belongs to none
        c.fromClient(Flights.clientHello13("localhost"));
        assertEquals(0, c.failed(new Failure(Failure.Origin.ABANDONED, -1, "gone", null)).keySelectionNanos());
    }

    @Test
    void roleIsServerWhenTheClientHelloWasReceived() {
        Conversation c = new Conversation(Role.SERVER).tls13Full();
        HandshakeRecord record = c.completed();

        assertEquals(Role.SERVER, record.role());
        assertEquals(TLS13_FLIGHT, names(record));
        assertEquals(Direction.RECEIVED, record.messages().get(0).direction());
        assertEquals(Direction.SENT, record.messages().get(1).direction());
    }

    @Test
    void roleComesFromTheClientHelloNotFromTheLocalRoleGivenOnFailure() {
        HandshakeRecorder recorder = new HandshakeRecorder("reference");
        recorder.message(Direction.RECEIVED, 10, RecordedMessage.HANDSHAKE, Flights.clientHello13("a.example"),
                Flights.clientHello13("a.example").length);
        HandshakeRecord record = recorder.failed(20, failure("x"), Peer.UNKNOWN, Role.CLIENT, List.of());
        assertEquals(Role.SERVER, record.role());
        assertEquals("reference", record.stack());
    }

    @Test
    void newSessionTicketAfterCompletionIsItsOwnPostHandshakeRecord() {
        Conversation c = new Conversation(Role.CLIENT).tls13Full();
        Peer peer = new Peer("localhost", "127.0.0.1", 8443, 50000);
        HandshakeRecord handshake = c.completed(peer, List.of(), List.of());
        long ticketAt = c.now();
        c.fromServer(Flights.newSessionTicket13(86400));

        assertEquals(TLS13_FLIGHT, names(handshake), "the ticket is not added to the handshake");
        assertEquals(1, c.returned.size(), "message() returns the post-handshake record at once");
        HandshakeRecord ticket = c.returned.get(0);
        assertTrue(ticket.isPostHandshake());
        assertTrue(ticket.established());
        assertEquals(Role.CLIENT, ticket.role());
        assertEquals(ticketAt, ticket.startNanos());
        assertEquals(ticketAt, ticket.endNanos());
        assertSame(peer, ticket.peer(), "the peer of the completed handshake");
        assertEquals(List.of("NewSessionTicket"), names(ticket));
        RecordedMessage message = ticket.messages().get(0);
        assertEquals(Direction.RECEIVED, message.direction());
        assertEquals(86400, message.as(NewSessionTicket.class).lifetimeSeconds(), "decoded in the TLS 1.3 shape");
        assertFalse(c.recorder.isOpen());

        c.fromClient(Flights.keyUpdate(true));
        assertEquals(2, c.returned.size());
        assertTrue(c.returned.get(1).isPostHandshake());
        assertTrue(c.returned.get(1).messages().get(0).as(KeyUpdate.class).updateRequested());
        assertEquals(Direction.SENT, c.returned.get(1).messages().get(0).direction());
    }

    @Test
    void newSessionTicketBeforeCompletionStaysInTheHandshake() {
        Conversation c = new Conversation(Role.SERVER).tls13Full();
        c.fromServer(Flights.newSessionTicket13(60));
        HandshakeRecord record = c.completed();
        assertTrue(c.returned.isEmpty());
        assertEquals("NewSessionTicket", names(record).get(names(record).size() - 1));
        assertFalse(record.isPostHandshake());
    }

    @Test
    void aClientHelloAfterCompletionStartsANewHandshakeNotAPostHandshakeRecord() {
        Conversation c = new Conversation(Role.SERVER).tls13Full();
        c.completed();
        c.fromClient(Flights.clientHello12("localhost"));
        assertTrue(c.returned.isEmpty());
        assertTrue(c.recorder.isOpen());
        HandshakeRecord second = c.completed();
        assertFalse(second.isPostHandshake());
        assertEquals(List.of("ClientHello"), names(second));
    }

    @Test
    void failureBeforeAnyMessageNeedsALocalRole() {
        Failure failure = new Failure(Failure.Origin.LOCAL_ERROR, 10, "Unsupported or unrecognized SSL message", null);
        HandshakeRecorder withoutRole = new HandshakeRecorder("jsse");
        assertNull(withoutRole.failed(100, failure, Peer.UNKNOWN, null, List.of()));
        assertFalse(withoutRole.isOpen());

        HandshakeRecorder withRole = new HandshakeRecorder("jsse");
        Peer peer = new Peer("example.org", "192.0.2.1", 443, 40000);
        HandshakeRecord record = withRole.failed(100, failure, peer, Role.CLIENT, List.of());
        assertNotNull(record);
        assertEquals(Role.CLIENT, record.role());
        assertTrue(record.messages().isEmpty());
        assertSame(failure, record.failure());
        assertFalse(record.established());
        assertSame(peer, record.peer());
        assertEquals(100, record.startNanos());
        assertEquals(100, record.endNanos());
        assertFalse(withRole.isOpen());
    }

    @Test
    void onlyTheFirstFailureOfAConnectionIsRecorded() {
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello13("localhost"));
        HandshakeRecord first = c.failed(new Failure(Failure.Origin.ABORTED, -1, "Remote host terminated the handshake",
                new EOFException("SSL peer shut down incorrectly")));
        assertNotNull(first);
        assertEquals(List.of("ClientHello"), names(first));

        assertNull(c.failed(failure("echo of the first failure")));
        assertNull(c.recorder.failed(c.now(), failure("and another"), Peer.UNKNOWN, null, List.of()));
        assertFalse(c.recorder.isOpen());
    }

    @Test
    void aFailureOnAnEstablishedConnectionIsNoHandshakeFailure() {
        Conversation c = new Conversation(Role.CLIENT).tls13Full();
        c.completed();
        assertNull(c.failed(failure("Connection reset")));
    }

    @Test
    void aServerRejectingTheClientCertificateAfterTheClientsFinishedIsAPostHandshakeFailure() {
        List<java.security.cert.X509Certificate> clientChain = Flights.pki().client().chain();
        Conversation c = new Conversation(Role.CLIENT).tls13WithClientCertificate(clientChain);
        HandshakeRecord handshake = c.completed(new Peer("localhost", "127.0.0.1", 8443, 51000),
                Flights.pki().server().chain(), clientChain);
        assertTrue(handshake.established(), "the client's side of a TLS 1.3 handshake ends with its Finished");

        c.alertFromServer(AlertDescription.bad_certificate);
        HandshakeRecord verdict = c.failed(new Failure(Failure.Origin.PEER_ALERT, AlertDescription.bad_certificate,
                "Received fatal alert: bad_certificate", null));
        assertNotNull(verdict, "the rejection is recorded although the handshake had completed");
        assertTrue(verdict.isPostHandshake());
        assertFalse(verdict.established());
        assertEquals(List.of("Alert"), names(verdict));
        assertEquals(c.times.get(c.times.size() - 1), verdict.startNanos(), "it starts with the alert");
        assertEquals(clientChain, verdict.localCertificates(), "the certificate the server refused");
        assertSame(handshake.peer(), verdict.peer());
        assertNull(c.failed(failure("the echo of the same alert")), "once");
    }

    @Test
    void aTicketAfterTheClientsFinishedMeansTheServerAcceptedTheCertificate() {
        Conversation c = new Conversation(Role.CLIENT).tls13WithClientCertificate(Flights.pki().client().chain());
        c.completed();
        c.fromServer(Flights.newSessionTicket13(3600));
        c.alertFromServer(AlertDescription.internal_error);
        assertNull(c.failed(new Failure(Failure.Origin.PEER_ALERT, AlertDescription.internal_error, "later", null)),
                "a failure later on the established connection is no handshake's");
    }

    @Test
    void withoutACertificateRequestNoVerdictIsAwaited() {
        Conversation c = new Conversation(Role.CLIENT).tls13Full();
        c.completed();
        c.alertFromServer(AlertDescription.bad_certificate);
        assertNull(c.failed(new Failure(Failure.Origin.PEER_ALERT, AlertDescription.bad_certificate, "odd", null)));
    }

    @Test
    void alertsAndChangeCipherSpecOutsideAHandshakeAreIgnored() {
        Conversation fresh = new Conversation(Role.CLIENT);
        fresh.alertFromServer(AlertDescription.handshake_failure);
        fresh.ccsFromServer();
        assertTrue(fresh.returned.isEmpty());
        assertFalse(fresh.recorder.isOpen(), "an alert opens no handshake");

        Conversation done = new Conversation(Role.CLIENT).tls13Full();
        done.completed();
        done.feed(Direction.SENT, RecordedMessage.ALERT, new Alert(1, AlertDescription.close_notify).encode());
        done.feed(Direction.RECEIVED, RecordedMessage.ALERT, new Alert(1, AlertDescription.close_notify).encode());
        assertTrue(done.returned.isEmpty());
        assertFalse(done.recorder.isOpen());
        assertNull(done.completed(), "nothing to complete");
    }

    @Test
    void alertsAndChangeCipherSpecInsideAHandshakeAreKept() {
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello13("localhost"));
        c.alertFromServer(AlertDescription.protocol_version);
        HandshakeRecord record = c.failed(new Failure(Failure.Origin.PEER_ALERT, 70, "Received fatal alert", null));
        RecordedMessage alert = record.messages().get(1);
        assertTrue(alert.isAlert());
        assertEquals("Alert", alert.name());
        assertEquals(Direction.RECEIVED, alert.direction());
        assertEquals(AlertDescription.protocol_version, alert.as(Alert.class).description());
        assertEquals(2, alert.length());
    }

    @Test
    void aMessageLongerThanTheCopiedBytesIsKeptWithADecodeErrorNamingTheLimit() {
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello13("localhost"));
        c.fromServer(Flights.serverHello13(0x1301, 0x1D, false));
        c.fromServer(Flights.encryptedExtensions(null));
        byte[] certificate = Flights.certificate13(Flights.pki().server().chain());
        byte[] copied = Arrays.copyOf(certificate, 100);
        c.recorder.message(Direction.RECEIVED, c.now(), RecordedMessage.HANDSHAKE, copied, certificate.length);
        c.fromServer(Flights.certificateVerify(0x0403));
        HandshakeRecord record = c.completed();

        RecordedMessage cut = record.messages().get(3);
        assertEquals("Certificate", cut.name());
        assertEquals(HandshakeType.certificate, cut.handshakeType());
        assertEquals(certificate.length, cut.length(), "the real length, not the copied one");
        assertNull(cut.decoded());
        assertNotNull(cut.decodeError());
        assertTrue(cut.decodeError().contains("max.message.bytes"), cut.decodeError());
        assertTrue(cut.decodeError().contains(String.valueOf(certificate.length)), cut.decodeError());
        assertNotNull(record.messages().get(4).decoded(), "later messages still decode");
    }

    @Test
    void aMalformedMessageIsKeptWithItsDecodeError() {
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello13("localhost"));
        byte[] serverHello = Flights.serverHello13(0x1301, 0x1D, false);
        byte[] truncatedBody = Arrays.copyOf(serverHello, 20);
        truncatedBody[3] = 16; // a consistent header: 16 body bytes follow, too few for a ServerHello
        c.fromServer(truncatedBody);
        c.feed(Direction.RECEIVED, RecordedMessage.ALERT, new byte[] {2, 40, 0});
        HandshakeRecord record = c.failed(failure("bad"));

        assertEquals(3, record.messages().size());
        RecordedMessage malformed = record.messages().get(1);
        assertEquals("ServerHello", malformed.name());
        assertEquals(20, malformed.length());
        assertNull(malformed.decoded());
        assertNotNull(malformed.decodeError());
        assertFalse(malformed.decodeError().contains("max.message.bytes"), malformed.decodeError());
        assertFalse(malformed.decodeError().isEmpty());

        RecordedMessage badAlert = record.messages().get(2);
        assertTrue(badAlert.isAlert());
        assertNull(badAlert.decoded());
        assertNotNull(badAlert.decodeError());
    }

    @Test
    void aMessageWhoseHeaderLengthDisagreesIsKeptWithItsDecodeError() {
        Conversation c = new Conversation(Role.CLIENT);
        byte[] hello = Flights.clientHello13("localhost");
        hello[3] = (byte) (hello[3] + 1);
        c.fromClient(hello);
        HandshakeRecord record = c.failed(failure("bad"));
        assertEquals(Role.CLIENT, record.role(), "the role is read from the header's type even when decoding fails");
        assertNull(record.messages().get(0).decoded());
        assertTrue(record.messages().get(0).decodeError().contains("length"), record.messages().get(0).decodeError());
    }

    @Test
    void atMostMaxMessagesAreKept() {
        Conversation c = new Conversation(Role.SERVER);
        c.fromClient(Flights.clientHello13("localhost"));
        int flood = HandshakeRecorder.MAX_MESSAGES * 3;
        for (int i = 0; i < flood; i++) {
            c.fromClient(Flights.finished());
        }
        HandshakeRecord record = c.completed();
        assertEquals(HandshakeRecorder.MAX_MESSAGES, record.messages().size());
        assertTrue(record.messages().get(0).decoded() instanceof ClientHello, "the first ones are kept");
        assertEquals(c.times.get(HandshakeRecorder.MAX_MESSAGES - 1),
                record.messages().get(HandshakeRecorder.MAX_MESSAGES - 1).nanoTime());
        assertTrue(HandshakeRecorder.MAX_MESSAGES >= 15 && HandshakeRecorder.MAX_MESSAGES <= 1024,
                "room for a real handshake, bounded against a flood");
    }

    @Test
    void idleSinceMeansOpenAndNoProgressSinceThatTime() {
        HandshakeRecorder recorder = new HandshakeRecorder("jsse");
        assertFalse(recorder.idleSince(0), "nothing open");
        assertFalse(recorder.idleSince(Long.MAX_VALUE));

        byte[] hello = Flights.clientHello13("localhost");
        recorder.message(Direction.SENT, 1_000, RecordedMessage.HANDSHAKE, hello, hello.length);
        assertFalse(recorder.idleSince(999), "progress after 999");
        assertTrue(recorder.idleSince(1_001), "no progress since 1001");

        byte[] serverHello = Flights.serverHello13(0x1301, 0x1D, false);
        recorder.message(Direction.RECEIVED, 5_000, RecordedMessage.HANDSHAKE, serverHello, serverHello.length);
        assertFalse(recorder.idleSince(1_001), "a message is progress");
        assertTrue(recorder.idleSince(5_001));

        recorder.message(Direction.RECEIVED, 9_000, RecordedMessage.CHANGE_CIPHER_SPEC, new byte[] {1}, 1);
        assertFalse(recorder.idleSince(5_001), "a ChangeCipherSpec during the handshake is progress too");

        recorder.completed(10_000, Peer.UNKNOWN, List.of(), List.of());
        assertFalse(recorder.idleSince(Long.MAX_VALUE), "closed");
    }

    @Test
    void idleSinceSurvivesNanoTimeWrapAround() {
        HandshakeRecorder recorder = new HandshakeRecorder("jsse");
        long last = Long.MAX_VALUE - 10;
        byte[] hello = Flights.clientHello13("localhost");
        recorder.message(Direction.SENT, last, RecordedMessage.HANDSHAKE, hello, hello.length);
        assertTrue(recorder.idleSince(last + 100), "nanoTime wrapped past Long.MAX_VALUE");
        assertFalse(recorder.idleSince(last - 100));
    }

    @Test
    void recordedMessageNamesFollowTheRfcs() {
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello13("localhost"));
        c.fromServer(Flights.helloRetryRequest(0x1301, 0x17));
        HandshakeRecord record = c.failed(failure("x"));
        assertEquals("HelloRetryRequest", record.messages().get(1).name());
        assertTrue(record.messages().get(1).as(ServerHello.class).isHelloRetryRequest());
        assertNull(record.messages().get(1).as(ClientHello.class));
        assertEquals("RECEIVED HelloRetryRequest (" + record.messages().get(1).length() + " bytes)",
                record.messages().get(1).toString());
    }
}
