package io.tlslens.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.tlslens.agent.record.Conversation;
import io.tlslens.agent.record.Failure;
import io.tlslens.agent.record.Flights;
import io.tlslens.agent.record.HandshakeRecord;
import io.tlslens.agent.record.Peer;
import io.tlslens.agent.record.Role;
import io.tlslens.examples.pki.Pki;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.SignatureScheme;
import java.security.MessageDigest;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class SpanWriterTest {

    private static final Pki PKI = Flights.pki();
    private static final List<String> OFFERED_SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

    private final Spans spans = new Spans();

    private static AttributeKey<String> string(String name) {
        return AttributeKey.stringKey(name);
    }

    private static AttributeKey<List<String>> strings(String name) {
        return AttributeKey.stringArrayKey(name);
    }

    static String sha256(X509Certificate certificate) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        StringBuilder hex = new StringBuilder();
        for (byte b : digest) {
            hex.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
        return hex.toString();
    }

    /** An expired-server TLS 1.3 failure as a client: the record the failure tests share. */
    static HandshakeRecord expiredServerFailure(Conversation c) {
        c.tls13ServerFlight("localhost", PKI.expiredServer().chain(), "h2");
        c.alertFromClient(AlertDescription.certificate_expired);
        String message = "PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed";
        SSLHandshakeException cause = new SSLHandshakeException(message);
        cause.initCause(new CertPathValidatorException("validity check failed", new CertificateExpiredException("NotAfter"),
                null, -1, CertPathValidatorException.BasicReason.EXPIRED));
        return c.failed(new Failure(Failure.Origin.LOCAL_ERROR, AlertDescription.certificate_expired, message, cause),
                new Peer("localhost", "127.0.0.1", 8443, 51000));
    }

    private void assertCertificate(Attributes attributes, String prefix, X509Certificate leaf) throws Exception {
        assertEquals(leaf.getSubjectX500Principal().getName(), attributes.get(string(prefix + "subject")));
        assertEquals(leaf.getIssuerX500Principal().getName(), attributes.get(string(prefix + "issuer")));
        String notBefore = attributes.get(string(prefix + "not_before"));
        String notAfter = attributes.get(string(prefix + "not_after"));
        assertEquals(leaf.getNotBefore().toInstant(), Instant.parse(notBefore), "ISO-8601 " + notBefore);
        assertEquals(leaf.getNotAfter().toInstant(), Instant.parse(notAfter), "ISO-8601 " + notAfter);
        String hash = attributes.get(string(prefix + "hash.sha256"));
        assertTrue(hash.matches("[0-9A-F]{64}"), "uppercase hex: " + hash);
        assertEquals(sha256(leaf), hash);
    }

    @Test
    void successfulTls13ClientHandshake() throws Exception {
        Conversation c = new Conversation(Role.CLIENT).tls13Full();
        long completedAt = c.now();
        HandshakeRecord record = c.completed(new Peer("localhost", "127.0.0.1", 8443, 51000),
                PKI.server().chain(), List.of());
        SpanData span = spans.write(record);

        assertEquals("TLS client handshake", span.getName());
        assertEquals(SpanKind.INTERNAL, span.getKind());
        assertFalse(span.getParentSpanContext().isValid(), "a root span");
        assertEquals(spans.clock.toEpochNanos(Conversation.T0), span.getStartEpochNanos(), "starts at the first message");
        assertEquals(spans.clock.toEpochNanos(completedAt), span.getEndEpochNanos(), "ends at completion");
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());

        Attributes a = span.getAttributes();
        assertEquals("tls", a.get(string("tls.protocol.name")));
        assertEquals("1.3", a.get(string("tls.protocol.version")));
        assertEquals("TLS_AES_128_GCM_SHA256", a.get(string("tls.cipher")));
        assertEquals("x25519", a.get(string("tls.curve")));
        assertEquals("h2", a.get(string("tls.next_protocol")));
        assertEquals(Boolean.TRUE, a.get(AttributeKey.booleanKey("tls.established")));
        assertEquals(Boolean.FALSE, a.get(AttributeKey.booleanKey("tls.resumed")));
        assertEquals("localhost", a.get(string("server.address")));
        assertEquals(8443L, a.get(AttributeKey.longKey("server.port")));
        assertEquals("127.0.0.1", a.get(string("network.peer.address")));
        assertEquals(8443L, a.get(AttributeKey.longKey("network.peer.port")));
        assertEquals(OFFERED_SUITES, a.get(strings("tls.client.supported_ciphers")));
        assertEquals("client", a.get(string("tlslens.role")));
        assertEquals("jsse", a.get(string("tlslens.stack")));
        assertEquals(List.of("1.3", "1.2"), a.get(strings("tlslens.client.versions")));
        assertEquals(List.of("x25519", "secp256r1", "secp384r1"), a.get(strings("tlslens.client.groups")));
        assertEquals(List.of("x25519"), a.get(strings("tlslens.client.key_share_groups")));
        assertEquals(List.of("ecdsa_secp256r1_sha256", "rsa_pss_rsae_sha256", "ed25519"),
                a.get(strings("tlslens.client.signature_algorithms")));
        assertEquals(List.of("h2", "http/1.1"), a.get(strings("tlslens.client.alpn")));
        assertEquals(Boolean.FALSE, a.get(AttributeKey.booleanKey("tlslens.hello_retry")));
        assertEquals("ecdsa_secp256r1_sha256", a.get(string("tlslens.signature_scheme")));
        assertCertificate(a, "tls.server.", PKI.server().certificate());
        assertNull(a.get(string("tls.client.subject")), "no client certificate was sent");
        assertNull(a.get(string("error.type")));
        assertNull(a.get(string("tlslens.failure.side")));
        assertNull(a.get(AttributeKey.booleanKey("tlslens.post_handshake")));

        List<EventData> events = span.getEvents();
        assertEquals(List.of("ClientHello", "ServerHello", "ChangeCipherSpec", "EncryptedExtensions", "Certificate",
                "CertificateVerify", "Finished", "ChangeCipherSpec", "Finished"),
                events.stream().map(EventData::getName).collect(Collectors.toList()));
        for (int i = 0; i < events.size(); i++) {
            assertEquals(spans.clock.toEpochNanos(c.times.get(i)), events.get(i).getEpochNanos(), "time of event " + i);
            assertEquals(record.messages().get(i).direction().attributeValue(),
                    events.get(i).getAttributes().get(string("tlslens.direction")));
            assertEquals((long) record.messages().get(i).length(),
                    events.get(i).getAttributes().get(AttributeKey.longKey("tlslens.message.length")));
        }
    }

    @Test
    void eventsCarryTheDecodedFields() {
        Conversation c = new Conversation(Role.CLIENT).tls13Full();
        SpanData span = spans.write(c.completed());
        List<EventData> events = span.getEvents();

        Attributes hello = events.get(0).getAttributes();
        assertEquals("sent", hello.get(string("tlslens.direction")));
        assertEquals((long) Flights.clientHello13("localhost", "h2", "http/1.1").length,
                hello.get(AttributeKey.longKey("tlslens.message.length")));
        assertEquals("localhost", hello.get(string("tlslens.message.server_name")));
        assertEquals(OFFERED_SUITES, hello.get(strings("tlslens.message.cipher_suites")));
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), hello.get(strings("tlslens.message.supported_versions")));
        assertEquals(List.of("x25519"), hello.get(strings("tlslens.message.key_share_groups")));
        assertEquals(List.of("h2", "http/1.1"), hello.get(strings("tlslens.message.alpn")));
        assertEquals(32L, hello.get(AttributeKey.longKey("tlslens.message.session_id_length")));
        assertEquals(List.of("server_name", "supported_groups", "signature_algorithms", "key_share",
                "supported_versions", "application_layer_protocol_negotiation"),
                hello.get(strings("tlslens.message.extensions")));

        Attributes serverHello = events.get(1).getAttributes();
        assertEquals("received", serverHello.get(string("tlslens.direction")));
        assertEquals("TLSv1.3", serverHello.get(string("tlslens.message.version")));
        assertEquals("TLS_AES_128_GCM_SHA256", serverHello.get(string("tlslens.message.cipher_suite")));
        assertEquals("x25519", serverHello.get(string("tlslens.message.group")));

        assertEquals("h2", events.get(3).getAttributes().get(string("tlslens.message.alpn")));
        assertEquals(2L, events.get(4).getAttributes().get(AttributeKey.longKey("tlslens.message.certificate_count")));
        assertEquals("ecdsa_secp256r1_sha256",
                events.get(5).getAttributes().get(string("tlslens.message.signature_scheme")));
        assertEquals(1L, events.get(2).getAttributes().get(AttributeKey.longKey("tlslens.message.length")),
                "a ChangeCipherSpec is one byte");
    }

    @Test
    void failedHandshakeHasErrorStatusAndTheDiagnosis() throws Exception {
        Conversation c = new Conversation(Role.CLIENT);
        HandshakeRecord record = expiredServerFailure(c);
        SpanData span = spans.write(record);
        Attributes a = span.getAttributes();

        assertEquals("TLS client handshake", span.getName());
        assertEquals(spans.clock.toEpochNanos(record.endNanos()), span.getEndEpochNanos(), "ends at the failure");
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        String detail = a.get(string("tlslens.failure.detail"));
        assertNotNull(detail);
        assertEquals(detail, span.getStatus().getDescription(), "the status carries the detail");
        assertTrue(detail.contains(PKI.expiredServer().certificate().getNotAfter().toInstant().toString()), detail);
        assertEquals("certificate_expired", a.get(string("error.type")));
        assertEquals("local", a.get(string("tlslens.failure.side")));
        assertEquals("certificate_expired", a.get(string("tlslens.failure.alert")));
        assertFalse(a.get(string("tlslens.failure.hint")).isEmpty());
        assertEquals(record.failure().cause().toString(), a.get(string("tlslens.failure.exception")));
        assertEquals(Boolean.FALSE, a.get(AttributeKey.booleanKey("tls.established")));
        assertNull(a.get(AttributeKey.booleanKey("tls.resumed")), "resumption means nothing for a failed handshake");
        assertEquals("1.3", a.get(string("tls.protocol.version")), "what was negotiated before the failure");
        assertCertificate(a, "tls.server.", PKI.expiredServer().certificate());

        EventData alert = span.getEvents().get(span.getEvents().size() - 1);
        assertEquals("Alert", alert.getName());
        assertEquals("sent", alert.getAttributes().get(string("tlslens.direction")));
        assertEquals("fatal", alert.getAttributes().get(string("tlslens.alert.level")));
        assertEquals("certificate_expired", alert.getAttributes().get(string("tlslens.alert.description")));
        assertEquals(2L, alert.getAttributes().get(AttributeKey.longKey("tlslens.message.length")));
    }

    @Test
    void failureBeforeAnyMessageIsASpanWithoutEvents() {
        HandshakeRecord record = new Conversation(Role.CLIENT).failed(new Failure(Failure.Origin.LOCAL_ERROR, 40,
                "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)", null),
                new Peer("example.org", null, 443, 40000));
        SpanData span = spans.write(record);
        assertEquals("TLS client handshake", span.getName());
        assertTrue(span.getEvents().isEmpty());
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals("protocol_version_mismatch", span.getAttributes().get(string("error.type")));
        assertEquals("example.org", span.getAttributes().get(string("server.address")), "the peer host, no SNI");
        assertNull(span.getAttributes().get(string("network.peer.address")), "a host name is never resolved");
        assertNull(span.getAttributes().get(string("tls.protocol.version")));
    }

    @Test
    void mutualTlsServerHandshake() throws Exception {
        Conversation c = new Conversation(Role.SERVER).tls13ServerFlight("api.example.com", PKI.server().chain(), null);
        c.fromClient(Flights.certificate13(PKI.client().chain()));
        c.fromClient(Flights.certificateVerify(SignatureScheme.ecdsa_secp256r1_sha256));
        c.fromClient(Flights.finished());
        SpanData span = spans.write(c.completed(new Peer(null, "10.1.2.3", 51000, 8443), List.of(), List.of()));
        Attributes a = span.getAttributes();

        assertEquals("TLS server handshake", span.getName());
        assertEquals("server", a.get(string("tlslens.role")));
        assertEquals("api.example.com", a.get(string("server.address")), "the SNI");
        assertEquals(8443L, a.get(AttributeKey.longKey("server.port")), "a server's own port");
        assertEquals("10.1.2.3", a.get(string("network.peer.address")));
        assertEquals(51000L, a.get(AttributeKey.longKey("network.peer.port")));
        assertCertificate(a, "tls.server.", PKI.server().certificate());
        assertCertificate(a, "tls.client.", PKI.client().certificate());
        assertEquals("received", span.getEvents().get(0).getAttributes().get(string("tlslens.direction")));
    }

    @Test
    void timeInTheApplicationsTrustAndKeyManagersIsInSeconds() {
        Conversation c = new Conversation(Role.SERVER);
        c.fromClient(Flights.clientHello13("localhost"));
        c.recorder.keySelected(0, 250_000_000);
        c.recorder.certificatesChecked(0, 1_500_000);
        c.tls13ServerFlight("localhost", PKI.server().chain(), null);
        Attributes a = spans.write(c.completed()).getAttributes();
        assertEquals(0.25, a.get(AttributeKey.doubleKey("tlslens.key_selection.duration")));
        assertEquals(0.0015, a.get(AttributeKey.doubleKey("tlslens.certificate_check.duration")));

        Conversation untimed = new Conversation(Role.CLIENT).tls13Full();
        Attributes none = spans.write(untimed.completed()).getAttributes();
        assertNull(none.get(AttributeKey.doubleKey("tlslens.key_selection.duration")), "absent, not zero");
        assertNull(none.get(AttributeKey.doubleKey("tlslens.certificate_check.duration")), "absent, not zero");
    }

    @Test
    void serverWithoutSniHasNoServerAddress() {
        Conversation c = new Conversation(Role.SERVER);
        c.fromClient(Flights.clientHello13(null));
        SpanData span = spans.write(c.completed(new Peer("client.example", "10.1.2.3", 51000, 8443), List.of(),
                List.of()));
        assertNull(span.getAttributes().get(string("server.address")), "the peer is the client, not the server");
    }

    @Test
    void clientWithAnIpLiteralPeerAndNoSni() {
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello13(null));
        SpanData span = spans.write(c.completed(new Peer("192.0.2.7", null, 443, 40000), List.of(), List.of()));
        assertEquals("192.0.2.7", span.getAttributes().get(string("server.address")));
        assertEquals("192.0.2.7", span.getAttributes().get(string("network.peer.address")));
        assertEquals(443L, span.getAttributes().get(AttributeKey.longKey("server.port")));
    }

    @Test
    void tls12HandshakeAttributes() {
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello12("localhost", "http/1.1"));
        c.fromServer(Flights.serverHello12(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, "http/1.1"));
        c.fromServer(Flights.certificate12(PKI.server().chain()));
        c.fromServer(Flights.serverKeyExchange(NamedGroup.secp256r1, SignatureScheme.ecdsa_secp256r1_sha256));
        c.fromServer(Flights.serverHelloDone());
        c.fromClient(Flights.clientKeyExchange()).ccsFromClient().fromClient(Flights.finished());
        c.ccsFromServer().fromServer(Flights.finished());
        SpanData span = spans.write(c.completed());
        Attributes a = span.getAttributes();

        assertEquals("1.2", a.get(string("tls.protocol.version")));
        assertEquals("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", a.get(string("tls.cipher")));
        assertEquals("secp256r1", a.get(string("tls.curve")));
        assertEquals("http/1.1", a.get(string("tls.next_protocol")));
        assertEquals("ecdsa_secp256r1_sha256", a.get(string("tlslens.signature_scheme")));
        assertEquals(List.of("1.2"), a.get(strings("tlslens.client.versions")), "the legacy version without supported_versions");
        assertEquals(Boolean.FALSE, a.get(AttributeKey.booleanKey("tls.resumed")));
        EventData keyExchange = span.getEvents().get(3);
        assertEquals("ServerKeyExchange", keyExchange.getName());
        assertEquals("secp256r1", keyExchange.getAttributes().get(string("tlslens.message.group")));
        assertEquals("ecdsa_secp256r1_sha256", keyExchange.getAttributes().get(string("tlslens.message.signature_scheme")));
        assertEquals(Arrays.asList("ServerHelloDone", "ClientKeyExchange"),
                List.of(span.getEvents().get(4).getName(), span.getEvents().get(5).getName()));
    }

    @Test
    void helloRetryRequestIsItsOwnEventAndFlagged() {
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello13("localhost", List.of(NamedGroup.x25519)).encode());
        c.fromServer(Flights.helloRetryRequest(CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.secp256r1));
        c.fromClient(Flights.clientHello13("localhost", List.of(NamedGroup.secp256r1)).encode());
        c.fromServer(Flights.serverHello13(CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.secp256r1, false));
        SpanData span = spans.write(c.completed());
        assertEquals(Boolean.TRUE, span.getAttributes().get(AttributeKey.booleanKey("tlslens.hello_retry")));
        assertEquals("HelloRetryRequest", span.getEvents().get(1).getName());
        assertEquals("secp256r1", span.getAttributes().get(string("tls.curve")));
        assertEquals(List.of("secp256r1"), span.getAttributes().get(strings("tlslens.client.key_share_groups")),
                "the offer of the second ClientHello");
    }

    @Test
    void postHandshakeTicketIsAShortSpanOfItsOwn() {
        Conversation c = new Conversation(Role.CLIENT).tls13Full();
        c.completed();
        long ticketAt = c.now();
        c.fromServer(Flights.newSessionTicket13(86400));
        SpanData span = spans.write(c.returned.get(0));
        assertEquals("TLS client post-handshake", span.getName());
        assertEquals(Boolean.TRUE, span.getAttributes().get(AttributeKey.booleanKey("tlslens.post_handshake")));
        assertEquals(spans.clock.toEpochNanos(ticketAt), span.getStartEpochNanos());
        assertEquals(1, span.getEvents().size());
        assertEquals("NewSessionTicket", span.getEvents().get(0).getName());
        assertEquals(86400L, span.getEvents().get(0).getAttributes().get(AttributeKey.longKey("tlslens.message.lifetime_s")));
    }

    @Test
    void aMessageCutShortShowsItsDecodeError() {
        Conversation c = new Conversation(Role.CLIENT);
        c.fromClient(Flights.clientHello13("localhost"));
        c.fromServer(Flights.serverHello13(CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.x25519, false));
        byte[] certificate = Flights.certificate13(PKI.server().chain());
        c.recorder.message(io.tlslens.agent.record.Direction.RECEIVED, c.now(), 22, Arrays.copyOf(certificate, 64),
                certificate.length);
        SpanData span = spans.write(c.completed());
        Attributes cut = span.getEvents().get(2).getAttributes();
        assertEquals("Certificate", span.getEvents().get(2).getName());
        assertEquals((long) certificate.length, cut.get(AttributeKey.longKey("tlslens.message.length")));
        assertTrue(cut.get(string("tlslens.message.decode_error")).contains("max.message.bytes"));
        assertNull(cut.get(AttributeKey.longKey("tlslens.message.certificate_count")));
    }

    @Test
    void epochClockIsMonotonicOffsetsFromOneAnchor() {
        io.tlslens.agent.record.EpochClock clock = new io.tlslens.agent.record.EpochClock();
        long now = System.nanoTime();
        long epoch = clock.toEpochNanos(now);
        assertEquals(1_500_000L, clock.toEpochNanos(now + 1_500_000L) - epoch);
        long wall = Instant.now().toEpochMilli() * 1_000_000L;
        assertTrue(Math.abs(epoch - wall) < 5_000_000_000L, "within seconds of the wall clock");
    }
}
