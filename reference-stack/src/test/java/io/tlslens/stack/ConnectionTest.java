package io.tlslens.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.observe.Decision;
import io.tlslens.observe.HandshakeObserver;
import io.tlslens.observe.Negotiated;
import io.tlslens.wire.Alert;
import io.tlslens.wire.ContentType;
import io.tlslens.wire.HandshakeMessage;
import io.tlslens.wire.TlsRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/** The connection after (and around) the handshake: KeyUpdate, record framing options, close_notify, exporters. */
class ConnectionTest {

    @Test
    void keyUpdateBothWaysAndOnRequest() throws Exception {
        RecordingObserver clientEvents = new RecordingObserver();
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(TestConfigs.client().observer(clientEvents).build(),
                TestConfigs.server().observer(serverEvents).build());
        pair.handshake();

        pair.client.updateKeys(false);
        assertEquals("after client update", Loopback.transfer(pair.client, pair.server, "after client update"));
        assertEquals("server still on generation 0", Loopback.transfer(pair.server, pair.client, "server still on generation 0"));

        pair.server.updateKeys(true);
        pair.pump();
        assertEquals("both updated", Loopback.transfer(pair.client, pair.server, "both updated"));
        assertEquals("and back", Loopback.transfer(pair.server, pair.client, "and back"));
        assertEquals(List.of("sent KeyUpdate", "received KeyUpdate", "sent KeyUpdate"),
                clientEvents.messages().subList(clientEvents.messages().size() - 3, clientEvents.messages().size()));
        assertTrue(serverEvents.secrets.contains("CLIENT_TRAFFIC_SECRET_1"), serverEvents.secrets.toString());
        assertTrue(serverEvents.secrets.contains("CLIENT_TRAFFIC_SECRET_2"), serverEvents.secrets.toString());
        assertTrue(clientEvents.secrets.contains("SERVER_TRAFFIC_SECRET_1"), clientEvents.secrets.toString());
    }

    @Test
    void keyUpdateBeforeTheHandshakeIsRefused() throws Exception {
        Loopback pair = new Loopback(TestConfigs.client().build(), TestConfigs.server().build());
        pair.client.beginHandshake();
        assertThrows(SSLException.class, () -> pair.client.updateKeys(false));
    }

    @Test
    void withoutCompatibilityModeNoChangeCipherSpecIsSent() throws Exception {
        Loopback pair = new Loopback(TestConfigs.client().middleboxCompatibility(false).build(), TestConfigs.server().build());
        pair.client.beginHandshake();
        List<byte[]> hello = Loopback.takeRecords(pair.client);
        Loopback.deliver(pair.server, hello);
        List<byte[]> serverFlight = Loopback.takeRecords(pair.server);
        Loopback.deliver(pair.client, serverFlight);
        List<byte[]> clientFlight = Loopback.takeRecords(pair.client);
        Loopback.deliver(pair.server, clientFlight);

        assertTrue(pair.server.isHandshakeComplete());
        assertEquals(List.of(ContentType.handshake, ContentType.application_data), Loopback.contentTypes(serverFlight));
        assertEquals(List.of(ContentType.application_data), Loopback.contentTypes(clientFlight));
        assertEquals(0, TlsRecord.decode(hello.get(0)).fragment()[4 + 2 + 32], "empty legacy_session_id");
    }

    @Test
    void compatibilityModeSendsOneChangeCipherSpecEachWay() throws Exception {
        Loopback pair = new Loopback(TestConfigs.client().build(), TestConfigs.server().build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        List<byte[]> serverFlight = Loopback.takeRecords(pair.server);
        Loopback.deliver(pair.client, serverFlight);
        List<byte[]> clientFlight = Loopback.takeRecords(pair.client);
        assertEquals(List.of(ContentType.handshake, ContentType.change_cipher_spec, ContentType.application_data),
                Loopback.contentTypes(serverFlight));
        assertEquals(List.of(ContentType.change_cipher_spec, ContentType.application_data), Loopback.contentTypes(clientFlight));
    }

    @Test
    void recordPaddingMakesEveryProtectedRecordAMultiple() throws Exception {
        Loopback pair = new Loopback(TestConfigs.client().recordPadding(256).build(), TestConfigs.server().recordPadding(256).build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        List<byte[]> serverFlight = Loopback.takeRecords(pair.server);
        Loopback.deliver(pair.client, serverFlight);
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        pair.client.writePlaintext(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        List<byte[]> data = Loopback.takeRecords(pair.client);

        assertEquals(5 + 256 + 16, data.get(0).length, "3 bytes padded to 256 inner bytes, plus tag");
        byte[] encrypted = serverFlight.get(serverFlight.size() - 1);
        assertEquals(0, (encrypted.length - 5 - 16) % 256);
        Loopback.deliver(pair.server, data);
        assertEquals(3, pair.server.availablePlaintext());
    }

    @Test
    void recordSizeLimitBoundsTheRecordsEachSideReceives() throws Exception {
        Loopback pair = new Loopback(TestConfigs.client().recordSizeLimit(512).build(), TestConfigs.server().recordSizeLimit(1024).build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        List<byte[]> serverFlight = Loopback.takeRecords(pair.server);
        Loopback.deliver(pair.client, serverFlight);
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));

        List<byte[]> encrypted = serverFlight.subList(2, serverFlight.size());
        assertTrue(encrypted.size() > 1, "the certificate flight needs several 512-byte records");
        for (byte[] record : encrypted) {
            assertTrue(record.length - 5 - 16 <= 512, "inner plaintext " + (record.length - 21));
        }
        ByteBuffer big = ByteBuffer.wrap(new byte[3000]);
        int consumed = pair.client.writePlaintext(big);
        assertEquals(1023, consumed, "the server's limit, less the content type byte");
        assertEquals(512 - 1, pair.server.writePlaintext(ByteBuffer.wrap(new byte[3000])));
    }

    @Test
    void applicationDataLargerThanARecordIsSplit() throws Exception {
        Loopback pair = new Loopback(TestConfigs.client().build(), TestConfigs.server().build());
        pair.handshake();
        byte[] data = new byte[40_000];
        new java.util.Random(1).nextBytes(data);
        ByteBuffer src = ByteBuffer.wrap(data);
        int records = 0;
        while (src.hasRemaining()) {
            pair.client.writePlaintext(src);
            records++;
        }
        assertEquals(3, records);
        assertTrue(pair.client.nextRecordSize() <= pair.client.maxRecordSize());
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        ByteBuffer dst = ByteBuffer.allocate(data.length);
        pair.server.readPlaintext(dst);
        assertArrayEquals(data, dst.array());
    }

    @Test
    void closeNotifyHalfCloses() throws Exception {
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(TestConfigs.client().build(), TestConfigs.server().observer(serverEvents).build());
        pair.handshake();

        pair.client.closeOutbound();
        assertFalse(pair.client.isOutboundDone(), "close_notify still queued");
        List<byte[]> close = Loopback.takeRecords(pair.client);
        assertTrue(pair.client.isOutboundDone());
        assertThrows(SSLException.class, () -> pair.client.writePlaintext(ByteBuffer.wrap(new byte[1])));
        Loopback.deliver(pair.server, close);
        assertTrue(pair.server.isInboundDone());
        assertFalse(pair.server.isOutboundDone());
        assertTrue(serverEvents.events.contains("received alert close_notify"));

        assertEquals("last words", Loopback.transfer(pair.server, pair.client, "last words"));
        pair.server.closeOutbound();
        Loopback.deliver(pair.client, Loopback.takeRecords(pair.server));
        assertTrue(pair.client.isInboundDone() && pair.server.isOutboundDone());
        assertTrue(pair.client.isHandshakeComplete());
    }

    @Test
    void closeNotifyDuringTheHandshakeFailsIt() throws Exception {
        RecordingObserver serverEvents = new RecordingObserver();
        Loopback pair = new Loopback(TestConfigs.client().build(), TestConfigs.server().observer(serverEvents).build());
        pair.client.beginHandshake();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        pair.client.closeOutbound();
        List<byte[]> close = Loopback.takeRecords(pair.client);
        SSLException e = assertThrows(SSLException.class, () -> Loopback.deliver(pair.server, close));
        assertEquals("Received close_notify during the handshake", e.getMessage());
        assertFalse(pair.server.isHandshaking());
        assertTrue(pair.server.isInboundDone());
        Loopback.takeRecords(pair.server);
        assertTrue(pair.server.isOutboundDone(), "no alert in answer: its flight was all it had queued");
        assertEquals(List.of("received alert close_notify", "failed"),
                serverEvents.events.subList(serverEvents.events.size() - 2, serverEvents.events.size()));
    }

    @Test
    void exportedKeyingMaterialMatchesOnBothSides() throws Exception {
        Loopback pair = new Loopback(TestConfigs.client().build(), TestConfigs.server().build());
        assertThrows(IllegalStateException.class, () -> pair.client.view().exportKeyingMaterial("EXPORTER-test", null, 32));
        pair.handshake();
        byte[] client = pair.client.view().exportKeyingMaterial("EXPORTER-test", new byte[] {1}, 32);
        byte[] server = pair.server.view().exportKeyingMaterial("EXPORTER-test", new byte[] {1}, 32);
        assertArrayEquals(client, server);
        assertFalse(Arrays.equals(client, pair.client.view().exportKeyingMaterial("EXPORTER-other", new byte[] {1}, 32)));
    }

    @Test
    void keyLogGetsTheSecretsOfBothSidesAlike() throws Exception {
        List<String> clientLog = new ArrayList<>();
        List<String> serverLog = new ArrayList<>();
        KeyLog client = (label, random, secret) -> clientLog.add(label + " " + Arrays.toString(random) + " " + Arrays.toString(secret));
        KeyLog server = (label, random, secret) -> serverLog.add(label + " " + Arrays.toString(random) + " " + Arrays.toString(secret));
        Loopback pair = new Loopback(TestConfigs.client().keyLog(client).build(), TestConfigs.server().keyLog(server).build());
        pair.handshake();
        assertEquals(5, clientLog.size(), clientLog.toString());
        assertEquals(new java.util.HashSet<>(clientLog), new java.util.HashSet<>(serverLog));
    }

    @Test
    void withoutAConfiguredObserverTheProcessWideFactoryObserves() throws Exception {
        List<String> opened = new ArrayList<>();
        RecordingObserver clientEvents = new RecordingObserver();
        io.tlslens.observe.Observation.install((client, host, port) -> {
            opened.add(client + " " + host + " " + port);
            return client ? clientEvents : null;
        });
        try {
            Loopback pair = new Loopback(TestConfigs.client().peer(TestConfigs.HOST, 8443).build(), TestConfigs.server().build());
            pair.handshake();
        } finally {
            io.tlslens.observe.Observation.reset();
        }
        assertEquals(List.of("true server.test 8443", "false null -1"), opened);
        assertTrue(clientEvents.events.contains("established"));
    }

    @Test
    void anObserverThatThrowsChangesNothing() throws Exception {
        HandshakeObserver hostile = new HandshakeObserver() {
            @Override
            public void messageSent(HandshakeMessage message) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public void messageReceived(HandshakeMessage message) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public void decision(Decision decision) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public void secretDerived(String label) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public void alertSent(Alert alert) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public void established(Negotiated negotiated) {
                throw new IllegalStateException("observer bug");
            }
        };
        Loopback pair = new Loopback(TestConfigs.client().observer(hostile).build(), TestConfigs.server().observer(hostile).build());
        pair.handshake();
        assertEquals("fine", Loopback.transfer(pair.client, pair.server, "fine"));
        pair.client.closeOutbound();
        Loopback.deliver(pair.server, Loopback.takeRecords(pair.client));
        assertTrue(pair.server.isInboundDone());
    }

    @Test
    void handshakeViewIsCurrentWhenTheCredentialsAreAsked() throws Exception {
        List<String> seen = new ArrayList<>();
        CertifiedKey key = TestConfigs.serverKey(TestPki.KeyType.EC_P256);
        Credentials credentials = new Credentials() {
            @Override
            public java.util.Optional<CertifiedKey> serverCredential(List<Integer> schemes, List<javax.security.auth.x500.X500Principal> a,
                    HandshakeView view) {
                seen.add(view.serverNames() + " " + view.cipherSuite().isPresent() + " " + view.peerSignatureSchemes().size()
                        + " " + view.isClient());
                return java.util.Optional.of(key);
            }

            @Override
            public java.util.Optional<CertifiedKey> clientCredential(List<Integer> schemes, List<javax.security.auth.x500.X500Principal> a,
                    HandshakeView view) {
                return java.util.Optional.empty();
            }
        };
        Loopback pair = new Loopback(TestConfigs.client().build(), TestConfigs.server(key).credentials(credentials).build());
        pair.handshake();
        assertEquals(List.of("[" + TestConfigs.HOST + "] true 12 false"), seen);
    }
}
