package io.tlslens.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.NamedGroup;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference stack against two independent TLS 1.3 implementations behind the JSSE API — the
 * JDK's own (SunJSSE) and Bouncy Castle's (BCJSSE) — through their SSLEngines in memory, both
 * roles: they check what the tests between two reference connections cannot.
 */
class JsseInteropTest {
    private static final char[] PASSWORD = "secret".toCharArray();

    @ParameterizedTest
    @ValueSource(strings = {"SunJSSE", "BCJSSE"})
    void referenceClientToJsseServer(String provider) throws Exception {
        for (int suite : List.of(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384,
                CipherSuite.TLS_CHACHA20_POLY1305_SHA256)) {
            for (TestPki.KeyType key : List.of(TestPki.KeyType.EC_P256, TestPki.KeyType.RSA_2048, TestPki.KeyType.EC_P384)) {
                SSLEngine server = context(provider, TestConfigs.serverKey(key)).createSSLEngine();
                server.setUseClientMode(false);
                TlsConnection client = Tls.client(TestConfigs.client().cipherSuites(List.of(suite)).build());
                exchange(client, server);
                assertEquals(CipherSuite.name(suite), server.getSession().getCipherSuite());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SunJSSE", "BCJSSE"})
    void jsseClientToReferenceServer(String provider) throws Exception {
        for (TestPki.KeyType key : List.of(TestPki.KeyType.EC_P256, TestPki.KeyType.RSA_2048, TestPki.KeyType.RSASSA_PSS,
                TestPki.KeyType.EC_P384)) {
            SSLEngine client = context(provider, null).createSSLEngine(TestConfigs.HOST, 443);
            client.setUseClientMode(true);
            TlsConnection server = Tls.server(TestConfigs.server(TestConfigs.serverKey(key)).build());
            exchange(server, client);
            assertEquals("TLSv1.3", client.getSession().getProtocol());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SunJSSE", "BCJSSE"})
    void helloRetryRequestFromTheReferenceServer(String provider) throws Exception {
        SSLEngine client = context(provider, null).createSSLEngine(TestConfigs.HOST, 443);
        client.setUseClientMode(true);
        RecordingObserver serverEvents = new RecordingObserver();
        TlsConnection server = Tls.server(TestConfigs.server().groups(List.of(NamedGroup.secp384r1)).observer(serverEvents).build());
        exchange(server, client);
        assertTrue(serverEvents.negotiated.helloRetry());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SunJSSE", "BCJSSE"})
    void alpnSniAndClientAuthWithJsseServer(String provider) throws Exception {
        CertifiedKey clientKey = TestConfigs.PKI.issue("client.test", TestPki.KeyType.EC_P256);
        SSLEngine server = context(provider, TestConfigs.serverKey(TestPki.KeyType.EC_P256)).createSSLEngine();
        server.setUseClientMode(false);
        SSLParameters parameters = server.getSSLParameters();
        parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        parameters.setNeedClientAuth(true);
        List<String> requested = new java.util.ArrayList<>();
        parameters.setSNIMatchers(List.of(new SNIMatcher(0) {
            @Override
            public boolean matches(javax.net.ssl.SNIServerName name) {
                requested.add(new SNIHostName(name.getEncoded()).getAsciiName());
                return true;
            }
        }));
        server.setSSLParameters(parameters);
        TlsConnection client = Tls.client(TestConfigs.client().applicationProtocols(List.of("http/1.1", "h2"))
                .credentials(TestPki.credentials(clientKey)).build());
        exchange(client, server);
        assertEquals("h2", client.view().applicationProtocol().orElseThrow());
        assertEquals(clientKey.leaf(), server.getSession().getPeerCertificates()[0]);
        assertEquals(List.of(TestConfigs.HOST), requested);
    }

    // SunJSSE only: with default settings BCJSSE 1.82 resumed no TLS 1.3 session in either role here, and its
    // beginHandshake after the handshake throws "Renegotiation not supported" instead of sending a KeyUpdate
    @ParameterizedTest
    @ValueSource(strings = "SunJSSE")
    void jsseClientResumesWithAReferenceTicket(String provider) throws Exception {
        SSLContext clientContext = context(provider, null);
        SessionStore serverStore = new InMemorySessionStore();
        for (int i = 0; i < 2; i++) {
            SSLEngine client = clientContext.createSSLEngine(TestConfigs.HOST, 443);
            client.setUseClientMode(true);
            TlsConnection server = Tls.server(TestConfigs.server().sessions(serverStore).build());
            exchange(server, client);
            assertEquals(i == 1, server.view().resumed(), "connection " + i);
        }
    }

    // SunJSSE only: with default settings BCJSSE 1.82 resumed no TLS 1.3 session in either role here, and its
    // beginHandshake after the handshake throws "Renegotiation not supported" instead of sending a KeyUpdate
    @ParameterizedTest
    @ValueSource(strings = "SunJSSE")
    void referenceClientResumesWithAJsseTicket(String provider) throws Exception {
        SSLContext serverContext = context(provider, TestConfigs.serverKey(TestPki.KeyType.EC_P256));
        SessionStore clientStore = new InMemorySessionStore();
        for (int i = 0; i < 2; i++) {
            SSLEngine server = serverContext.createSSLEngine();
            server.setUseClientMode(false);
            TlsConnection client = Tls.client(TestConfigs.client().sessions(clientStore).peer(TestConfigs.HOST, 443).build());
            exchange(client, server);
            assertEquals(i == 1, client.view().resumed(), "connection " + i);
        }
    }

    // SunJSSE only: with default settings BCJSSE 1.82 resumed no TLS 1.3 session in either role here, and its
    // beginHandshake after the handshake throws "Renegotiation not supported" instead of sending a KeyUpdate
    @ParameterizedTest
    @ValueSource(strings = "SunJSSE")
    void keyUpdateWithJsse(String provider) throws Exception {
        SSLEngine server = context(provider, TestConfigs.serverKey(TestPki.KeyType.EC_P256)).createSSLEngine();
        server.setUseClientMode(false);
        TlsConnection client = Tls.client(TestConfigs.client().build());
        exchange(client, server);
        client.updateKeys(true);
        exchange(client, server);
    }

    /**
     * Runs the handshake between {@code ours} and {@code engine}, then sends a line each way and
     * checks it arrives; both sides end the exchange with nothing left to send.
     */
    private static void exchange(TlsConnection ours, SSLEngine engine) throws Exception {
        ours.beginHandshake();
        engine.beginHandshake();
        pump(ours, engine);
        assertTrue(ours.isHandshakeComplete());
        ByteBuffer src = ByteBuffer.wrap("from reference".getBytes(StandardCharsets.UTF_8));
        ours.writePlaintext(src);
        ByteBuffer received = pump(ours, engine);
        assertEquals("from reference", new String(received.array(), 0, received.position(), StandardCharsets.UTF_8));
        ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(ByteBuffer.wrap("from jsse".getBytes(StandardCharsets.UTF_8)), net);
        net.flip();
        while (net.hasRemaining()) {
            ours.processRecord(net);
        }
        assertEquals("from jsse", Loopback.read(ours));
    }

    /** Moves records both ways until both are quiet; returns the application data the engine received. */
    private static ByteBuffer pump(TlsConnection ours, SSLEngine engine) throws SSLException {
        ByteBuffer app = ByteBuffer.allocate(1 << 17);
        ByteBuffer toEngine = ByteBuffer.allocate(1 << 17);
        toEngine.flip();
        ByteBuffer net = ByteBuffer.allocate(1 << 17);
        for (int round = 0; round < 50; round++) {
            boolean moved = false;
            toEngine.compact();
            for (byte[] record : Loopback.takeRecords(ours)) {
                toEngine.put(record);
            }
            toEngine.flip();
            while (toEngine.hasRemaining() && engine.getHandshakeStatus() != HandshakeStatus.NEED_WRAP) {
                SSLEngineResult r = engine.unwrap(toEngine, app);
                runTasks(engine);
                if (r.getStatus() != SSLEngineResult.Status.OK) {
                    throw new AssertionError("unwrap " + r);
                }
                if (r.bytesConsumed() == 0) {
                    break;
                }
                moved = true;
            }
            while (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                net.clear();
                engine.wrap(ByteBuffer.allocate(0), net);
                runTasks(engine);
                net.flip();
                while (net.hasRemaining()) {
                    ours.processRecord(net);
                }
                moved = true;
            }
            if (!moved && ours.pendingOutput() == 0 && !toEngine.hasRemaining()) {
                return app;
            }
        }
        throw new AssertionError("no progress after 50 rounds");
    }

    private static void runTasks(SSLEngine engine) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** A TLSv1.3-only context of {@code provider} trusting the test CA, with {@code key} as its credential when not null. */
    private static SSLContext context(String provider, CertifiedKey key) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (key != null) {
            keys.setKeyEntry("key", key.key(), PASSWORD, key.chain().toArray(new X509Certificate[0]));
        }
        Provider jsse = provider.equals("BCJSSE") ? new BouncyCastleJsseProvider(new BouncyCastleProvider()) : Security.getProvider(provider);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX", jsse);
        kmf.init(keys, PASSWORD);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", TestConfigs.PKI.ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX", jsse);
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.3", jsse);
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }
}
