package io.tlslens.stack.jsse;

import static io.tlslens.stack.jsse.TestPki.CA;
import static io.tlslens.stack.jsse.TestPki.CLIENT;
import static io.tlslens.stack.jsse.TestPki.RSA_SERVER;
import static io.tlslens.stack.jsse.TestPki.SERVER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * TLS 1.2 through the provider against SunJSSE in memory, in both roles: every suite, the version
 * negotiation of a 1.3-capable side with a 1.2-only one, mutual TLS and resumption.
 */
class Tls12EngineTest {
    private static final String[] TLS12 = {"TLSv1.2"};

    @ParameterizedTest
    @ValueSource(strings = {"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"})
    void everySuiteInBothRoles(String suite) throws Exception {
        TestPki.Issued server = suite.contains("_RSA_") ? RSA_SERVER : SERVER;
        EngineLoop lensClient = new EngineLoop(lens(null).createSSLEngine("localhost", 443), sun(server).createSSLEngine());
        EngineLoop lensServer = new EngineLoop(sun(null).createSSLEngine("localhost", 443), lens(server).createSSLEngine());
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

    private static SSLContext sun(TestPki.Issued key) {
        return TestPki.sunJsse(key == null ? null : key.keyManagers(), CA.trustManagers());
    }
}
