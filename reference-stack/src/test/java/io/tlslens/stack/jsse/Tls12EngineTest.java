package io.tlslens.stack.jsse;

import static io.tlslens.stack.jsse.TestPki.CA;
import static io.tlslens.stack.jsse.TestPki.CLIENT;
import static io.tlslens.stack.jsse.TestPki.RSA_SERVER;
import static io.tlslens.stack.jsse.TestPki.SERVER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TLS 1.2 through the provider in memory, in both roles: every suite against SunJSSE and Bouncy Castle's JSSE; the version
 * negotiation of a 1.3-capable side with a 1.2-only one, mutual TLS and resumption.
 */
class Tls12EngineTest {
    private static final String[] TLS12 = {"TLSv1.2"};

    static Stream<Arguments> suitesAndPeers() {
        List<Arguments> cases = new ArrayList<>();
        for (String peer : List.of("SunJSSE", "BCJSSE")) {
            for (String suite : List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                    "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256")) {
                cases.add(Arguments.of(peer, suite));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("suitesAndPeers")
    void everySuiteInBothRoles(String peer, String suite) throws Exception {
        TestPki.Issued server = suite.contains("_RSA_") ? RSA_SERVER : SERVER;
        EngineLoop lensClient = new EngineLoop(lens(null).createSSLEngine("localhost", 443), peer(peer, server).createSSLEngine());
        EngineLoop lensServer = new EngineLoop(peer(peer, null).createSSLEngine("localhost", 443), lens(server).createSSLEngine());
        for (EngineLoop loop : List.of(lensClient, lensServer)) {
            loop.client.setEnabledProtocols(TLS12);
            loop.server.setEnabledProtocols(TLS12);
            loop.client.setEnabledCipherSuites(new String[] {suite});
            loop.handshake();

            assertEquals("TLSv1.2", loop.client.getSession().getProtocol());
            assertEquals("TLSv1.2", loop.server.getSession().getProtocol());
            assertEquals(suite, loop.server.getSession().getCipherSuite());
            assertEquals(suite, loop.client.getSession().getCipherSuite());
            assertEquals("hello server", loop.clientToServer("hello server"));
            assertEquals("hello client", loop.serverToClient("hello client"));
            assertEquals(server.leaf, loop.client.getSession().getPeerCertificates()[0]);
        }
    }

    @Test
    void ourDualVersionClientFallsBackToATls12SunServer() throws Exception {
        EngineLoop loop = new EngineLoop(lens(null).createSSLEngine("localhost", 443), sun(SERVER).createSSLEngine());
        loop.server.setEnabledProtocols(TLS12);
        loop.handshake();
        assertEquals("TLSv1.2", loop.client.getSession().getProtocol());
        assertEquals("ping", loop.clientToServer("ping"));
    }

    @Test
    void ourTls12ClientMeetsATls13CapableSunServer() throws Exception {
        EngineLoop loop = new EngineLoop(lens(null).createSSLEngine("localhost", 443), sun(SERVER).createSSLEngine());
        loop.client.setEnabledProtocols(TLS12);
        loop.handshake();
        assertEquals("TLSv1.2", loop.server.getSession().getProtocol());
        assertEquals("pong", loop.serverToClient("pong"));
    }

    @Test
    void ourDualVersionServerNegotiatesTls12WithASunTls12Client() throws Exception {
        EngineLoop loop = new EngineLoop(sun(null).createSSLEngine("localhost", 443), lens(SERVER).createSSLEngine());
        loop.client.setEnabledProtocols(TLS12);
        loop.handshake();
        assertEquals("TLSv1.2", loop.server.getSession().getProtocol());
        assertEquals("ping", loop.clientToServer("ping"));
    }

    @Test
    void mutualTlsInBothRoles() throws Exception {
        EngineLoop lensClient = new EngineLoop(lens(CLIENT).createSSLEngine("localhost", 443), sun(SERVER).createSSLEngine());
        EngineLoop lensServer = new EngineLoop(sun(CLIENT).createSSLEngine("localhost", 443), lens(SERVER).createSSLEngine());
        for (EngineLoop loop : List.of(lensClient, lensServer)) {
            loop.client.setEnabledProtocols(TLS12);
            loop.server.setNeedClientAuth(true);
            loop.handshake();
            assertEquals("TLSv1.2", loop.server.getSession().getProtocol());
            assertEquals(CLIENT.leaf, loop.server.getSession().getPeerCertificates()[0]);
            assertEquals("ping", loop.clientToServer("ping"));
        }
    }

    @Test
    void alpnAndSniInBothRoles() throws Exception {
        EngineLoop lensClient = new EngineLoop(lens(null).createSSLEngine("localhost", 443), sun(SERVER).createSSLEngine());
        EngineLoop lensServer = new EngineLoop(sun(null).createSSLEngine("localhost", 443), lens(SERVER).createSSLEngine());
        for (EngineLoop loop : List.of(lensClient, lensServer)) {
            SSLParameters client = loop.client.getSSLParameters();
            client.setProtocols(TLS12);
            client.setApplicationProtocols(new String[] {"h2", "http/1.1"});
            client.setServerNames(List.of(new SNIHostName("api.test")));
            loop.client.setSSLParameters(client);
            SSLParameters server = loop.server.getSSLParameters();
            server.setApplicationProtocols(new String[] {"http/1.1"});
            loop.server.setSSLParameters(server);
            loop.handshake();

            assertEquals("TLSv1.2", loop.server.getSession().getProtocol());
            assertEquals("http/1.1", loop.client.getApplicationProtocol());
            assertEquals("http/1.1", loop.server.getApplicationProtocol());
            assertEquals(List.of(new SNIHostName("api.test")),
                    ((ExtendedSSLSession) loop.server.getSession()).getRequestedServerNames());
        }
    }

    /** SunJSSE keeps a resumed session's creation time; a full handshake makes a new session. */
    @Test
    void resumptionInBothRoles() throws Exception {
        SSLContext lensClient = lens(null);
        SSLContext sunServer = sun(SERVER);
        SSLContext sunClient = sun(null);
        SSLContext lensServer = lens(SERVER);
        for (boolean lensIsClient : new boolean[] {true, false}) {
            long firstCreation = 0;
            for (int i = 0; i < 2; i++) {
                SSLEngine client = (lensIsClient ? lensClient : sunClient).createSSLEngine("localhost", 443);
                client.setEnabledProtocols(TLS12);
                EngineLoop loop = new EngineLoop(client, (lensIsClient ? sunServer : lensServer).createSSLEngine()).handshake();
                assertEquals("TLSv1.2", loop.client.getSession().getProtocol());
                assertEquals("ping", loop.clientToServer("ping"));
                long creation = (lensIsClient ? loop.server : loop.client).getSession().getCreationTime();
                if (i == 0) {
                    firstCreation = creation;
                    Thread.sleep(5);
                } else {
                    assertEquals(firstCreation, creation, "SunJSSE resumed the first connection's session");
                }
            }
        }
    }

    /** SSLSession.invalidate() on our client forgets its TLS 1.2 session: the next connection is a full handshake. */
    @Test
    void invalidatedSessionIsNotResumed() throws Exception {
        SSLContext lensClient = lens(null);
        SSLContext sunServer = sun(SERVER);
        EngineLoop first = tls12Loop(lensClient, sunServer).handshake();
        first.client.getSession().invalidate();
        Thread.sleep(5);
        EngineLoop second = tls12Loop(lensClient, sunServer).handshake();
        assertNotEquals(first.server.getSession().getCreationTime(), second.server.getSession().getCreationTime(),
                "SunJSSE made a new session instead of resuming the invalidated one");
    }

    private static EngineLoop tls12Loop(SSLContext client, SSLContext server) {
        SSLEngine engine = client.createSSLEngine("localhost", 443);
        engine.setEnabledProtocols(TLS12);
        return new EngineLoop(engine, server.createSSLEngine());
    }

    /** A SunJSSE client asks to renegotiate: our server refuses with no_renegotiation and fails. */
    @Test
    void renegotiationAskedOfOurServerIsRefused() throws Exception {
        EngineLoop loop = new EngineLoop(sun(null).createSSLEngine("localhost", 443), lens(SERVER).createSSLEngine());
        loop.client.setEnabledProtocols(TLS12);
        loop.handshake();
        loop.client.beginHandshake();
        EngineLoop.wrap(loop.client, ByteBuffer.allocate(0), loop.toServer);

        SSLException refused = assertThrows(SSLException.class,
                () -> loop.server.unwrap(loop.toServer, ByteBuffer.allocate(1 << 15)));
        assertTrue(refused.getMessage().startsWith("no_renegotiation"), refused.getMessage());
        assertTrue(loop.server.isInboundDone());
        SSLEngineResult alert = EngineLoop.wrap(loop.server, ByteBuffer.allocate(0), loop.toClient);
        assertTrue(alert.bytesProduced() > 0, "the alert goes out");
        assertTrue(loop.server.isOutboundDone());
    }

    /** A SunJSSE server sends HelloRequest: our client refuses with no_renegotiation and fails. */
    @Test
    void renegotiationAskedOfOurClientIsRefused() throws Exception {
        EngineLoop loop = new EngineLoop(lens(null).createSSLEngine("localhost", 443), sun(SERVER).createSSLEngine());
        loop.server.setEnabledProtocols(TLS12);
        loop.handshake();
        loop.server.beginHandshake();
        EngineLoop.wrap(loop.server, ByteBuffer.allocate(0), loop.toClient);

        SSLException refused = assertThrows(SSLException.class,
                () -> loop.client.unwrap(loop.toClient, ByteBuffer.allocate(1 << 15)));
        assertTrue(refused.getMessage().startsWith("no_renegotiation"), refused.getMessage());
        assertTrue(loop.client.isInboundDone());
    }

    private static SSLContext lens(TestPki.Issued key) {
        return TestPki.tlsLens(key == null ? null : key.keyManagers(), CA.trustManagers());
    }

    private static SSLContext peer(String provider, TestPki.Issued key) {
        if (provider.equals("SunJSSE")) {
            return sun(key);
        }
        try {
            // its crypto from Bouncy Castle's JCA provider (not installed: the JDK's has no ChaCha7539), as BCJSSE is usually run
            BouncyCastleJsseProvider bcjsse = new BouncyCastleJsseProvider(new BouncyCastleProvider());
            KeyManager[] keyManagers = null;
            if (key != null) {
                // as an application using BCJSSE would: its own key manager over a key store
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("key", key.key, new char[0], new X509Certificate[] {key.leaf, key.issuer});
                KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX", bcjsse);
                factory.init(store, new char[0]);
                keyManagers = factory.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS", bcjsse);
            context.init(keyManagers, CA.trustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext sun(TestPki.Issued key) {
        return TestPki.sunJsse(key == null ? null : key.keyManagers(), CA.trustManagers());
    }
}
