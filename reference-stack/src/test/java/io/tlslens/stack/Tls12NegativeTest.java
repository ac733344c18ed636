package io.tlslens.stack;

import static io.tlslens.stack.Failures.assertFails;
import static io.tlslens.stack.Failures.assertPeerReceivesAlert;
import static io.tlslens.stack.Failures.last;
import static io.tlslens.stack.Failures.plaintextAlert;
import static io.tlslens.stack.Tls12Flights.replace;
import static io.tlslens.stack.Tls12Flights.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tlslens.observe.Decision.Subjects;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.ChangeCipherSpec;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.ContentType;
import io.tlslens.wire.Extension;
import io.tlslens.wire.ExtensionType;
import io.tlslens.wire.HandshakeMessage;
import io.tlslens.wire.NamedGroup;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.ServerHello;
import io.tlslens.wire.ServerKeyExchange;
import io.tlslens.wire.TlsRecord;
import io.tlslens.wire.UnknownExtension;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every TLS 1.2 failure of the issue, each provoked by a middle rewriting a flight sent in the
 * clear: the failing side throws the alert RFC 5246 prescribes, puts it on the wire (decoded here),
 * closes, and its peer reports the alert it received.
 */
class Tls12NegativeTest {

    @Test
    void serverKeyExchangeWithABadSignatureIsDecryptError() throws Exception {
        assertClientRefusesServerFlight(client(), replace(ServerKeyExchange.class, ske -> {
            byte[] signature = ske.signature().orElseThrow();
            signature[signature.length - 1] ^= 1;
            return ServerKeyExchange.ecdhe(ske.namedGroup().getAsInt(), ske.publicKey().orElseThrow(),
                    ske.signatureScheme().getAsInt(), signature);
        }), AlertDescription.decrypt_error);
    }

    @Test
    void serverChoosingASuiteNotOfferedIsIllegalParameter() throws Exception {
        RecordingObserver clientEvents = new RecordingObserver();
        TlsConfig.Builder client = client().cipherSuites(List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)).observer(clientEvents);
        assertClientRefusesServerFlight(client, replace(ServerHello.class,
                hello -> withSuite(hello, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384)), AlertDescription.illegal_parameter);
        assertFalse(clientEvents.decision(Subjects.CIPHER_SUITE).orElseThrow().outcome().isPresent());
        assertEquals(List.of("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
                clientEvents.decision(Subjects.CIPHER_SUITE).orElseThrow().evidence().get("server.chose"));
    }

    @Test
    void serverChoosingAnUnknownSuiteIsIllegalParameter() throws Exception {
        assertClientRefusesServerFlight(client(), replace(ServerHello.class, hello -> withSuite(hello, 0xC013)),
                AlertDescription.illegal_parameter);
    }

    @Test
    void serverKeyExchangeOnAGroupNotOfferedIsIllegalParameter() throws Exception {
        RecordingObserver clientEvents = new RecordingObserver();
        assertClientRefusesServerFlight(client().groups(List.of(NamedGroup.x25519)).observer(clientEvents),
                replace(ServerKeyExchange.class, ske -> ServerKeyExchange.ecdhe(NamedGroup.secp384r1, ske.publicKey().orElseThrow(),
                        ske.signatureScheme().getAsInt(), ske.signature().orElseThrow())), AlertDescription.illegal_parameter);
        assertEquals(List.of("secp384r1"), clientEvents.decision(Subjects.GROUP).orElseThrow().evidence().get("server.chose"));
    }

    @Test
    void serverWithoutExtendedMasterSecretIsHandshakeFailure() throws Exception {
        assertClientRefusesServerFlight(client(), replace(ServerHello.class, hello -> without(hello, ExtensionType.extended_master_secret)),
                AlertDescription.handshake_failure);
    }

    @Test
    void clientWithoutExtendedMasterSecretIsHandshakeFailure() throws Exception {
        assertServerRefusesClientHello(hello -> without(hello, ExtensionType.extended_master_secret), AlertDescription.handshake_failure);
    }

    @Test
    void serverWithoutRenegotiationInfoIsHandshakeFailure() throws Exception {
        assertClientRefusesServerFlight(client(), replace(ServerHello.class, hello -> without(hello, ExtensionType.renegotiation_info)),
                AlertDescription.handshake_failure);
    }

    @Test
    void clientWithoutRenegotiationInfoOrScsvIsHandshakeFailure() throws Exception {
        assertServerRefusesClientHello(hello -> without(hello, ExtensionType.renegotiation_info), AlertDescription.handshake_failure);
    }

    @Test
    void unrequestedExtensionInTheServerHelloIsUnsupportedExtension() throws Exception {
        assertClientRefusesServerFlight(client(), replace(ServerHello.class, hello -> withExtensions(hello,
                concat(hello.extensions(), new UnknownExtension(0x7777, new byte[0])))), AlertDescription.unsupported_extension);
    }

    /**
     * With the classic master secret (neither side requires the extended one, and the middle takes
     * the client's offer of it away), the keys still agree but the transcripts do not: the server
     * opens the client's Finished and finds it wrong.
     */
    @Test
    void badFinishedIsDecryptError() throws Exception {
        Loopback pair = new Loopback(client().requireExtendedMasterSecret(false).build(),
                server().requireExtendedMasterSecret(false).build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, rewrite(Loopback.takeRecords(pair.client),
                replace(ClientHello.class, hello -> without(hello, ExtensionType.extended_master_secret))));
        Loopback.deliver(pair.client, Loopback.takeRecords(pair.server));
        List<byte[]> clientFlight = Loopback.takeRecords(pair.client);
        assertEquals(List.of(ContentType.handshake, ContentType.change_cipher_spec, ContentType.handshake), Loopback.contentTypes(clientFlight));

        List<byte[]> out = assertFails(pair.server, AlertDescription.decrypt_error, () -> Loopback.deliver(pair.server, clientFlight));
        assertEquals(AlertDescription.decrypt_error, plaintextAlert(last(out)).description());
        assertPeerReceivesAlert(pair.client, out, AlertDescription.decrypt_error);
    }

    @Test
    void changeCipherSpecBeforeClientKeyExchangeIsUnexpectedMessage() throws Exception {
        Loopback pair = new Loopback(client().build(), server().build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        Loopback.takeRecords(pair.server);
        List<byte[]> out = assertFails(pair.server, AlertDescription.unexpected_message,
                () -> Loopback.deliver(pair.server, List.of(changeCipherSpec())));
        assertEquals(AlertDescription.unexpected_message, plaintextAlert(last(out)).description());
        assertPeerReceivesAlert(pair.client, out, AlertDescription.unexpected_message);
    }

    @Test
    void changeCipherSpecBeforeServerHelloDoneIsUnexpectedMessage() throws Exception {
        Loopback pair = new Loopback(client().build(), server().build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        List<byte[]> serverHelloOnly = rewrite(Loopback.takeRecords(pair.server), messages -> List.of(messages.get(0)));
        Loopback.deliver(pair.client, serverHelloOnly);
        List<byte[]> out = assertFails(pair.client, AlertDescription.unexpected_message,
                () -> Loopback.deliver(pair.client, List.of(changeCipherSpec())));
        assertEquals(AlertDescription.unexpected_message, plaintextAlert(last(out)).description());
    }

    @Test
    void clientWithoutTheNeededCertificateIsHandshakeFailure() throws Exception {
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(client().build(), server().clientAuth(ClientAuth.NEED).observer(serverEvents).build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        Loopback.deliver(pair.client, Loopback.takeRecords(pair.server));
        List<byte[]> out = assertFails(pair.server, AlertDescription.handshake_failure,
                () -> Loopback.deliver(pair.server, Loopback.takeRecords(pair.client)));
        assertEquals(AlertDescription.handshake_failure, plaintextAlert(last(out)).description());
        assertFalse(serverEvents.decision(Subjects.CLIENT_AUTHENTICATION).orElseThrow().outcome().isPresent());
    }

    @Test
    void noCommonSuiteIsHandshakeFailureWithItsEvidence() throws Exception {
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(client().cipherSuites(List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)).build(),
                server().cipherSuites(List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)).observer(serverEvents).build());
        pair.client.beginHandshake();
        List<byte[]> out = assertFails(pair.server, AlertDescription.handshake_failure,
                () -> Loopback.deliver(pair.server, Loopback.takeRecords(pair.client)));
        assertEquals(AlertDescription.handshake_failure, plaintextAlert(last(out)).description());
        assertEquals(List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
                serverEvents.decision(Subjects.CIPHER_SUITE).orElseThrow().evidence().get("client.offered"));
    }

    // ---- helpers ----

    static TlsConfig.Builder client() {
        return Tls12HandshakeTest.client();
    }

    static TlsConfig.Builder server() {
        return Tls12HandshakeTest.server();
    }

    /** The client gets the server's first flight rewritten; it fails with {@code alert} in the clear, which the server receives. */
    private static void assertClientRefusesServerFlight(TlsConfig.Builder client, UnaryOperator<List<HandshakeMessage>> change, int alert)
            throws Exception {
        Loopback pair = new Loopback(client.build(), server().build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        List<byte[]> forged = rewrite(Loopback.takeRecords(pair.server), change);
        List<byte[]> out = assertFails(pair.client, alert, () -> Loopback.deliver(pair.client, forged));
        assertEquals(alert, plaintextAlert(last(out)).description());
        assertFalse(pair.client.isHandshakeComplete());
        assertPeerReceivesAlert(pair.server, List.of(last(out)), alert);
    }

    private static void assertServerRefusesClientHello(UnaryOperator<ClientHello> change, int alert) throws Exception {
        Loopback pair = new Loopback(client().build(), server().build());
        pair.client.beginHandshake();
        List<byte[]> forged = rewrite(Loopback.takeRecords(pair.client), replace(ClientHello.class, change));
        List<byte[]> out = assertFails(pair.server, alert, () -> Loopback.deliver(pair.server, forged));
        assertEquals(List.of(ContentType.alert), Loopback.contentTypes(out));
        assertEquals(alert, plaintextAlert(last(out)).description());
        assertPeerReceivesAlert(pair.client, out, alert);
    }

    private static ServerHello withSuite(ServerHello hello, int suite) {
        return new ServerHello(hello.legacyVersion(), hello.random(), hello.sessionId(), suite, 0, hello.extensions());
    }

    private static ServerHello withExtensions(ServerHello hello, List<Extension> extensions) {
        return new ServerHello(hello.legacyVersion(), hello.random(), hello.sessionId(), hello.cipherSuite(), 0, extensions);
    }

    private static ServerHello without(ServerHello hello, int extensionType) {
        return withExtensions(hello, hello.extensions().stream().filter(e -> e.type() != extensionType).collect(Collectors.toList()));
    }

    private static ClientHello without(ClientHello hello, int extensionType) {
        return new ClientHello(hello.legacyVersion(), hello.random(), hello.sessionId(), hello.cipherSuites(), hello.compressionMethods(),
                hello.extensions().stream().filter(e -> e.type() != extensionType).collect(Collectors.toList()));
    }

    private static List<Extension> concat(List<Extension> extensions, Extension more) {
        List<Extension> all = new java.util.ArrayList<>(extensions);
        all.add(more);
        return all;
    }

    private static byte[] changeCipherSpec() {
        return new TlsRecord(ContentType.change_cipher_spec, ProtocolVersion.TLSv1_2, ChangeCipherSpec.INSTANCE.encode()).encode();
    }
}
