package io.tlslens.stack;

import static io.tlslens.stack.Failures.assertFails;
import static io.tlslens.stack.Failures.assertPeerReceivesAlert;
import static io.tlslens.stack.Failures.last;
import static io.tlslens.stack.Failures.plaintextAlert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.stack.tls13.KnownKeysMitm;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.AlertLevel;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.ContentType;
import io.tlslens.wire.Extension;
import io.tlslens.wire.ExtensionType;
import io.tlslens.wire.HandshakeDecoder;
import io.tlslens.wire.HandshakeType;
import io.tlslens.wire.KeyShareExtension;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.ServerHello;
import io.tlslens.wire.SupportedVersionsExtension;
import io.tlslens.wire.TlsRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A peer that breaks the protocol: each case ends in the alert RFC 8446 prescribes, on the wire
 * (decoded from the failing side's output, or by the peer that receives it), a closed connection
 * and an SSLException, and nothing else.
 */
class NegativeTest {
    private static final String SERVER_HS = KeyLog.SERVER_HANDSHAKE_TRAFFIC_SECRET;

    // ---- ClientHello, in the clear: the server's alert is decoded from its output ----

    @Test
    void clientHelloWithoutKeyShareIsMissingExtension() throws Exception {
        assertServerRefusesHello(without(ExtensionType.key_share), AlertDescription.missing_extension);
    }

    @Test
    void tls11ClientHelloIsProtocolVersion() throws Exception {
        RecordingObserver serverEvents = new RecordingObserver();
        assertServerRefusesHello(hello -> new ClientHello(ProtocolVersion.TLSv1_1, hello.random(), hello.sessionId(),
                hello.cipherSuites(), hello.compressionMethods(), without(ExtensionType.supported_versions).apply(hello).extensions()),
                AlertDescription.protocol_version, serverEvents);
        assertEquals(List.of("TLSv1.1 (legacy_version, no supported_versions)"),
                serverEvents.decision("version").orElseThrow().evidence().get("client.versions"));
    }

    @Test
    void clientHelloWithATwiceSentExtensionIsIllegalParameter() throws Exception {
        assertServerRefusesHello(hello -> {
            List<Extension> extensions = new ArrayList<>(hello.extensions());
            extensions.add(0, extensions.get(2));
            return rebuild(hello, extensions);
        }, AlertDescription.illegal_parameter);
    }

    @Test
    void truncatedClientHelloIsDecodeError() throws Exception {
        Loopback pair = new Loopback(TestConfigs.client().build(), TestConfigs.server().build());
        pair.client.beginHandshake();
        byte[] fragment = TlsRecord.decode(Loopback.takeRecords(pair.client).get(0)).fragment();
        byte[] body = Arrays.copyOfRange(fragment, 4, fragment.length - 7);
        byte[] message = concat(new byte[] {1, 0, (byte) (body.length >> 8), (byte) body.length}, body);
        List<byte[]> out = assertFails(pair.server, AlertDescription.decode_error,
                () -> Loopback.deliver(pair.server, List.of(record(ContentType.handshake, message))));
        assertEquals(AlertDescription.decode_error, plaintextAlert(last(out)).description());
        assertEquals(AlertLevel.fatal, plaintextAlert(last(out)).level());
    }

    @Test
    void oversizedRecordIsRecordOverflow() throws Exception {
        TlsConnection server = Tls.server(TestConfigs.server().build());
        byte[] huge = new byte[5 + (1 << 14) + 257];
        huge[0] = ContentType.application_data;
        huge[1] = 3;
        huge[2] = 3;
        huge[3] = (byte) (((1 << 14) + 257) >> 8);
        huge[4] = (byte) ((1 << 14) + 257);
        List<byte[]> out = assertFails(server, AlertDescription.record_overflow, () -> server.processRecord(ByteBuffer.wrap(huge)));
        assertEquals(AlertDescription.record_overflow, plaintextAlert(last(out)).description());
    }

    @Test
    void oversizedPlaintextHandshakeRecordIsRecordOverflow() throws Exception {
        TlsConnection server = Tls.server(TestConfigs.server().build());
        byte[] fragment = new byte[(1 << 14) + 1];
        assertFails(server, AlertDescription.record_overflow,
                () -> server.processRecord(ByteBuffer.wrap(record(ContentType.handshake, fragment))));
    }

    @Test
    void handshakeMessageAnnouncingMoreThanTheLimitIsDecodeError() throws Exception {
        TlsConnection server = Tls.server(TestConfigs.server().build());
        byte[] header = {1, 0x10, 0, 0};
        assertFails(server, AlertDescription.decode_error,
                () -> server.processRecord(ByteBuffer.wrap(record(ContentType.handshake, header))));
    }

    @Test
    void somethingThatIsNotTlsIsUnexpectedMessage() throws Exception {
        TlsConnection server = Tls.server(TestConfigs.server().build());
        byte[] http = "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertFails(server, AlertDescription.unexpected_message, () -> server.processRecord(ByteBuffer.wrap(http)));
    }

    @Test
    void serverHelloSentToAServerIsUnexpectedMessage() throws Exception {
        Loopback pair = new Loopback(TestConfigs.client().build(), TestConfigs.server().build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        byte[] serverHello = Loopback.takeRecords(pair.server).get(0);
        TlsConnection other = Tls.server(TestConfigs.server().build());
        List<byte[]> out = assertFails(other, AlertDescription.unexpected_message, () -> Loopback.deliver(other, List.of(serverHello)));
        assertEquals(AlertDescription.unexpected_message, plaintextAlert(last(out)).description());
    }

    @Test
    void applicationDataBeforeTheHandshakeIsUnexpectedMessage() throws Exception {
        TlsConnection server = Tls.server(TestConfigs.server().build());
        assertFails(server, AlertDescription.unexpected_message,
                () -> server.processRecord(ByteBuffer.wrap(record(ContentType.application_data, new byte[] {1, 2, 3}))));
    }

    // ---- ServerHello, in the clear: the client's alert is decoded from its output ----

    @Test
    void forgedDowngradeSentinelIsIllegalParameter() throws Exception {
        RecordingObserver clientEvents = new RecordingObserver();
        assertClientRefusesServerHello(hello -> tls12ServerHello(hello, "DOWNGRD\u0001"), AlertDescription.illegal_parameter, clientEvents);
        assertTrue(clientEvents.decision("version").orElseThrow().reason().startsWith("downgrade sentinel"));
        assertClientRefusesServerHello(hello -> tls12ServerHello(hello, "DOWNGRD\u0000"), AlertDescription.illegal_parameter,
                new RecordingObserver());
    }

    @Test
    void serverHelloSelectingTls11IsProtocolVersion() throws Exception {
        assertClientRefusesServerHello(hello -> new ServerHello(ProtocolVersion.TLSv1_1, hello.random(), hello.sessionId(), 0xc02f, 0,
                List.of()), AlertDescription.protocol_version, new RecordingObserver());
    }

    @Test
    void handshakeBytesAfterTheServerHelloInItsRecordAreUnexpectedMessage() throws Exception {
        Loopback pair = new Loopback(TestConfigs.client().build(), TestConfigs.server().build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        byte[] hello = TlsRecord.decode(Loopback.takeRecords(pair.server).get(0)).fragment();
        // §5.1: the ServerHello changes the read keys, so nothing may follow it in its record
        byte[] spanning = record(ContentType.handshake, concat(hello, new byte[] {(byte) HandshakeType.encrypted_extensions, 0, 0, 2, 0, 0}));
        List<byte[]> out = assertFails(pair.client, AlertDescription.unexpected_message, () -> Loopback.deliver(pair.client, List.of(spanning)));
        assertPeerReceivesAlert(pair.server, out, AlertDescription.unexpected_message);
    }

    @Test
    void serverHelloWithASuiteNotOfferedIsIllegalParameter() throws Exception {
        assertClientRefusesServerHello(hello -> new ServerHello(hello.legacyVersion(), hello.random(), hello.sessionId(),
                CipherSuite.TLS_AES_256_GCM_SHA384 + 0x100, 0, hello.extensions()), AlertDescription.illegal_parameter,
                new RecordingObserver());
    }

    @Test
    void serverHelloNotEchoingTheSessionIdIsIllegalParameter() throws Exception {
        assertClientRefusesServerHello(hello -> new ServerHello(hello.legacyVersion(), hello.random(), new byte[0],
                hello.cipherSuite(), 0, hello.extensions()), AlertDescription.illegal_parameter, new RecordingObserver());
    }

    @Test
    void helloRetryRequestForAGroupAlreadySharedIsIllegalParameter() throws Exception {
        assertClientRefusesServerHello(hello -> helloRetryRequest(hello, NamedGroup.x25519), AlertDescription.illegal_parameter,
                new RecordingObserver());
    }

    @Test
    void secondHelloRetryRequestIsUnexpectedMessage() throws Exception {
        Loopback pair = new Loopback(TestConfigs.client().build(), TestConfigs.server().groups(List.of(NamedGroup.secp384r1)).build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        List<byte[]> retry = Loopback.takeRecords(pair.server);
        Loopback.deliver(pair.client, retry);
        ServerHello first = (ServerHello) new HandshakeDecoder().decode(TlsRecord.decode(retry.get(0)).fragment());
        byte[] again = record(ContentType.handshake, helloRetryRequest(first, NamedGroup.secp256r1).encode());
        List<byte[]> out = assertFails(pair.client, AlertDescription.unexpected_message, () -> Loopback.deliver(pair.client, List.of(again)));
        assertEquals(AlertDescription.unexpected_message, plaintextAlert(last(out)).description());
    }

    @Test
    void serverHelloChangingTheHelloRetryRequestSuiteIsIllegalParameter() throws Exception {
        Loopback pair = new Loopback(TestConfigs.client().build(), TestConfigs.server().groups(List.of(NamedGroup.secp384r1)).build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        Loopback.deliver(pair.client, Loopback.takeRecords(pair.server));
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        ServerHello real = (ServerHello) new HandshakeDecoder().decode(TlsRecord.decode(Loopback.takeRecords(pair.server).get(0)).fragment());
        byte[] forged = record(ContentType.handshake, new ServerHello(real.legacyVersion(), real.random(), real.sessionId(),
                CipherSuite.TLS_AES_256_GCM_SHA384, 0, real.extensions()).encode());
        assertFails(pair.client, AlertDescription.illegal_parameter, () -> Loopback.deliver(pair.client, List.of(forged)));
    }

    @Test
    void secondClientHelloWithAnotherKeyShareIsIllegalParameter() throws Exception {
        Loopback pair = new Loopback(TestConfigs.client().build(), TestConfigs.server().groups(List.of(NamedGroup.secp384r1)).build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        Loopback.deliver(pair.client, Loopback.takeRecords(pair.server));
        List<byte[]> second = Loopback.takeRecords(pair.client);
        ClientHello hello = (ClientHello) new HandshakeDecoder().decode(TlsRecord.decode(last(second)).fragment());
        List<Extension> extensions = hello.extensions().stream().map(e -> e.type() != ExtensionType.key_share ? e
                : KeyShareExtension.clientShares(List.of(new KeyShareExtension.KeyShareEntry(NamedGroup.secp256r1,
                        new io.tlslens.stack.crypto.BcTlsCrypto().generateKeyShare(NamedGroup.secp256r1).publicKey()))))
                .collect(Collectors.toList());
        byte[] forged = record(ContentType.handshake, rebuild(hello, extensions).encode());
        List<byte[]> out = assertFails(pair.server, AlertDescription.illegal_parameter, () -> Loopback.deliver(pair.server, List.of(forged)));
        assertEquals(AlertDescription.illegal_parameter, plaintextAlert(last(out)).description());
    }

    // ---- the protected server flight, rewritten by a middle that knows the keys ----

    @Test
    void badFinishedIsDecryptError() throws Exception {
        assertClientRefusesFlight(messages -> {
            byte[] finished = messages.get(messages.size() - 1);
            finished[finished.length - 1] ^= 1;
            return messages;
        }, AlertDescription.decrypt_error);
    }

    @Test
    void badCertificateVerifySignatureIsDecryptError() throws Exception {
        assertClientRefusesFlight(messages -> {
            byte[] verify = messages.get(messages.size() - 2);
            assertEquals(HandshakeType.certificate_verify, verify[0]);
            verify[verify.length - 5] ^= 1;
            return messages;
        }, AlertDescription.decrypt_error);
    }

    @Test
    void certificateVerifyWithRsaPkcs1IsIllegalParameter() throws Exception {
        assertClientRefusesFlight(messages -> {
            byte[] verify = messages.get(2);
            verify[4] = 0x04;
            verify[5] = 0x01;
            return messages;
        }, AlertDescription.illegal_parameter);
    }

    @Test
    void unparsableServerCertificateIsBadCertificate() throws Exception {
        assertClientRefusesFlight(messages -> {
            List<byte[]> out = new ArrayList<>(messages);
            byte[] garbage = {(byte) HandshakeType.certificate, 0, 0, 13, 0, 0, 0, 9, 0, 0, 4, 0x30, 0x02, 0x05, 0x00, 0, 0};
            out.set(1, garbage);
            return out;
        }, AlertDescription.bad_certificate);
    }

    @Test
    void reorderedCertificateAndCertificateVerifyIsUnexpectedMessage() throws Exception {
        assertClientRefusesFlight(messages -> List.of(messages.get(0), messages.get(2), messages.get(1), messages.get(3)),
                AlertDescription.unexpected_message);
    }

    @Test
    void missingCertificateVerifyIsUnexpectedMessage() throws Exception {
        assertClientRefusesFlight(messages -> List.of(messages.get(0), messages.get(1), messages.get(3)),
                AlertDescription.unexpected_message);
    }

    @Test
    void truncatedEncryptedExtensionsIsDecodeError() throws Exception {
        assertClientRefusesFlight(messages -> {
            List<byte[]> out = new ArrayList<>(messages);
            out.set(0, new byte[] {(byte) HandshakeType.encrypted_extensions, 0, 0, 1, 0});
            return out;
        }, AlertDescription.decode_error);
    }

    @Test
    void emptyServerCertificateIsDecodeError() throws Exception {
        assertClientRefusesFlight(messages -> {
            List<byte[]> out = new ArrayList<>(messages);
            out.set(1, new byte[] {(byte) HandshakeType.certificate, 0, 0, 4, 0, 0, 0, 0});
            return out;
        }, AlertDescription.decode_error);
    }

    @Test
    void corruptedProtectedRecordIsBadRecordMac() throws Exception {
        Loopback pair = new Loopback(TestConfigs.client().build(), TestConfigs.server().build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        List<byte[]> flight = Loopback.takeRecords(pair.server);
        byte[] encrypted = last(flight);
        encrypted[encrypted.length - 1] ^= 1;
        List<byte[]> out = assertFails(pair.client, AlertDescription.bad_record_mac, () -> Loopback.deliver(pair.client, flight));
        assertPeerReceivesAlert(pair.server, out, AlertDescription.bad_record_mac);
    }

    @Test
    void reorderedRecordsAreUnexpectedMessage() throws Exception {
        Loopback pair = new Loopback(TestConfigs.client().build(), TestConfigs.server().build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        List<byte[]> flight = Loopback.takeRecords(pair.server);
        List<byte[]> reordered = List.of(last(flight), flight.get(0));
        List<byte[]> out = assertFails(pair.client, AlertDescription.unexpected_message, () -> Loopback.deliver(pair.client, reordered));
        assertEquals(AlertDescription.unexpected_message, plaintextAlert(last(out)).description());
    }

    @Test
    void protectedChangeCipherSpecIsUnexpectedMessage() throws Exception {
        KnownKeysMitm middle = new KnownKeysMitm(CipherSuite.TLS_AES_128_GCM_SHA256);
        Loopback pair = new Loopback(TestConfigs.client().keyLog(middle.keyLog()).build(), TestConfigs.server().build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        Loopback.deliver(pair.client, Loopback.takeRecords(pair.server).subList(0, 1));
        byte[] protectedCcs = middle.seal(ContentType.change_cipher_spec, new byte[] {1}, SERVER_HS);
        List<byte[]> out = assertFails(pair.client, AlertDescription.unexpected_message,
                () -> Loopback.deliver(pair.client, List.of(protectedCcs)));
        assertPeerReceivesAlert(pair.server, out, AlertDescription.unexpected_message);
    }

    @Test
    void changeCipherSpecOfAnotherValueIsUnexpectedMessage() throws Exception {
        Loopback pair = new Loopback(TestConfigs.client().build(), TestConfigs.server().build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        List<byte[]> out = assertFails(pair.server, AlertDescription.unexpected_message,
                () -> Loopback.deliver(pair.server, List.of(record(ContentType.change_cipher_spec, new byte[] {2}))));
        assertPeerReceivesAlert(pair.client, out, AlertDescription.unexpected_message);
    }

    @Test
    void changeCipherSpecBeforeAnyClientHelloIsUnexpectedMessage() throws Exception {
        TlsConnection server = Tls.server(TestConfigs.server().build());
        List<byte[]> out = assertFails(server, AlertDescription.unexpected_message,
                () -> server.processRecord(ByteBuffer.wrap(record(ContentType.change_cipher_spec, new byte[] {1}))));
        assertEquals(AlertDescription.unexpected_message, plaintextAlert(last(out)).description());
    }

    @Test
    void changeCipherSpecAfterTheHandshakeIsUnexpectedMessage() throws Exception {
        Loopback pair = new Loopback(TestConfigs.client().build(), TestConfigs.server().build());
        pair.handshake();
        List<byte[]> out = assertFails(pair.server, AlertDescription.unexpected_message,
                () -> Loopback.deliver(pair.server, List.of(record(ContentType.change_cipher_spec, new byte[] {1}))));
        assertPeerReceivesAlert(pair.client, out, AlertDescription.unexpected_message);
    }

    @Test
    void corruptedApplicationDataIsBadRecordMacForTheReader() throws Exception {
        Loopback pair = new Loopback(TestConfigs.client().build(), TestConfigs.server().build());
        pair.handshake();
        pair.client.writePlaintext(ByteBuffer.wrap(new byte[] {42}));
        List<byte[]> data = Loopback.takeRecords(pair.client);
        data.get(0)[6] ^= 0x40;
        List<byte[]> out = assertFails(pair.server, AlertDescription.bad_record_mac, () -> Loopback.deliver(pair.server, data));
        assertPeerReceivesAlert(pair.client, out, AlertDescription.bad_record_mac);
        assertEquals(0, pair.server.availablePlaintext());
    }

    // ---- helpers ----

    private static void assertServerRefusesHello(UnaryOperator<ClientHello> change, int alert) throws Exception {
        assertServerRefusesHello(change, alert, new RecordingObserver());
    }

    private static void assertServerRefusesHello(UnaryOperator<ClientHello> change, int alert, RecordingObserver serverEvents)
            throws Exception {
        Loopback pair = new Loopback(TestConfigs.client().build(), TestConfigs.server().observer(serverEvents).build());
        pair.client.beginHandshake();
        ClientHello hello = (ClientHello) new HandshakeDecoder().decode(TlsRecord.decode(Loopback.takeRecords(pair.client).get(0)).fragment());
        byte[] changed = record(ContentType.handshake, change.apply(hello).encode());
        List<byte[]> out = assertFails(pair.server, alert, () -> Loopback.deliver(pair.server, List.of(changed)));
        assertEquals(List.of(ContentType.alert), Loopback.contentTypes(out));
        assertEquals(alert, plaintextAlert(last(out)).description());
        assertEquals("failed", serverEvents.events.get(serverEvents.events.size() - 1));
        assertEquals("sent alert " + AlertDescription.name(alert), serverEvents.events.get(serverEvents.events.size() - 2));
        assertPeerReceivesAlert(pair.client, out, alert);
    }

    private static UnaryOperator<ClientHello> without(int extensionType) {
        return hello -> rebuild(hello, hello.extensions().stream().filter(e -> e.type() != extensionType).collect(Collectors.toList()));
    }

    private static ClientHello rebuild(ClientHello hello, List<Extension> extensions) {
        return new ClientHello(hello.legacyVersion(), hello.random(), hello.sessionId(), hello.cipherSuites(),
                hello.compressionMethods(), extensions);
    }

    private static void assertClientRefusesServerHello(UnaryOperator<ServerHello> change, int alert, RecordingObserver clientEvents)
            throws Exception {

        Loopback pair = new Loopback(TestConfigs.client().observer(clientEvents).build(), TestConfigs.server().build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        ServerHello hello = (ServerHello) new HandshakeDecoder().decode(TlsRecord.decode(Loopback.takeRecords(pair.server).get(0)).fragment());
        byte[] changed = record(ContentType.handshake, change.apply(hello).encode());
        List<byte[]> out = assertFails(pair.client, alert, () -> Loopback.deliver(pair.client, List.of(changed)));
        assertEquals(alert, plaintextAlert(last(out)).description());
        assertPeerReceivesAlert(pair.server, List.of(last(out)), alert);
    }

    private static ServerHello tls12ServerHello(ServerHello hello, String sentinel) {
        byte[] random = hello.random();
        System.arraycopy(sentinel.getBytes(StandardCharsets.US_ASCII), 0, random, 24, 8);
        return new ServerHello(ProtocolVersion.TLSv1_2, random, hello.sessionId(), 0xc02f, 0, List.of());
    }

    private static ServerHello helloRetryRequest(ServerHello hello, int group) {
        return new ServerHello(ProtocolVersion.TLSv1_2, ServerHello.helloRetryRequestRandom(), hello.sessionId(), hello.cipherSuite(), 0,
                List.of(SupportedVersionsExtension.selected(ProtocolVersion.TLSv1_3), KeyShareExtension.selectedGroup(group)));
    }

    private static void assertClientRefusesFlight(UnaryOperator<List<byte[]>> rewrite, int alert) throws Exception {
        KnownKeysMitm middle = new KnownKeysMitm(CipherSuite.TLS_AES_128_GCM_SHA256);
        Loopback pair = new Loopback(TestConfigs.client().keyLog(middle.keyLog()).build(), TestConfigs.server().build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        List<byte[]> flight = Loopback.takeRecords(pair.server);
        Loopback.deliver(pair.client, flight.subList(0, 1));
        List<byte[]> messages = middle.open(flight, SERVER_HS);
        assertEquals(4, messages.size(), "EncryptedExtensions, Certificate, CertificateVerify, Finished");
        List<byte[]> forged = middle.reseal(flight, rewrite.apply(new ArrayList<>(messages)), SERVER_HS);

        List<byte[]> out = assertFails(pair.client, alert, () -> Loopback.deliver(pair.client, forged.subList(1, forged.size())));
        assertFalse(pair.client.isHandshakeComplete());
        assertPeerReceivesAlert(pair.server, out, alert);
    }

    private static byte[] record(int contentType, byte[] fragment) {
        return new TlsRecord(contentType, ProtocolVersion.TLSv1_2, fragment).encode();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
