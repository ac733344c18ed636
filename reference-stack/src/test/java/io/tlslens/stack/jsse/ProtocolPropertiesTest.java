package io.tlslens.stack.jsse;

import static io.tlslens.stack.jsse.TestPki.CA;
import static io.tlslens.stack.jsse.TestPki.SERVER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code jdk.tls.client.protocols} / {@code jdk.tls.server.protocols} and the cipher-suite
 * counterparts pin an unmodified application's versions and suites, as with SunJSSE: operators
 * use them to force TLS 1.2 without touching code.
 */
class ProtocolPropertiesTest {

    @AfterEach
    void clear() {
        System.clearProperty("jdk.tls.client.protocols");
        System.clearProperty("jdk.tls.server.protocols");
        System.clearProperty("jdk.tls.client.cipherSuites");
    }

    @Test
    void clientProtocolsPropertyPinsClientsOnly() throws Exception {
        System.setProperty("jdk.tls.client.protocols", "TLSv1.2");
        SSLEngine client = TestPki.tlsLens(null, CA.trustManagers()).createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        SSLEngine server = TestPki.tlsLens(SERVER.keyManagers(), null).createSSLEngine();
        server.setUseClientMode(false);
        assertArrayEquals(new String[] {"TLSv1.2"}, client.getEnabledProtocols());
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, server.getEnabledProtocols());

        EngineLoop loop = new EngineLoop(client, server).handshake();
        assertEquals("TLSv1.2", loop.client.getSession().getProtocol());
        assertEquals("TLSv1.2", loop.server.getSession().getProtocol());

        SSLContext context = TestPki.tlsLens(null, CA.trustManagers());
        assertArrayEquals(new String[] {"TLSv1.2"}, context.getDefaultSSLParameters().getProtocols(),
                "a client's defaults, which HttpClient takes");
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, context.getSupportedSSLParameters().getProtocols());
    }

    @Test
    void serverProtocolsPropertyPinsServersOnly() throws Exception {
        System.setProperty("jdk.tls.server.protocols", "TLSv1.2");
        SSLEngine server = TestPki.tlsLens(SERVER.keyManagers(), null).createSSLEngine();
        server.setUseClientMode(false);
        SSLEngine sunClient = TestPki.sunJsse(null, CA.trustManagers()).createSSLEngine("localhost", 443);
        assertArrayEquals(new String[] {"TLSv1.2"}, server.getEnabledProtocols());

        EngineLoop loop = new EngineLoop(sunClient, server).handshake();
        assertEquals("TLSv1.2", loop.server.getSession().getProtocol());
    }

    @Test
    void clientCipherSuitesPropertyNarrowsTheOffer() throws Exception {
        System.setProperty("jdk.tls.client.cipherSuites", "TLS_CHACHA20_POLY1305_SHA256, TLS_NOT_A_SUITE");
        SSLEngine client = TestPki.tlsLens(null, CA.trustManagers()).createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        assertArrayEquals(new String[] {"TLS_CHACHA20_POLY1305_SHA256"}, client.getEnabledCipherSuites());

        SSLEngine server = TestPki.tlsLens(SERVER.keyManagers(), null).createSSLEngine();
        EngineLoop loop = new EngineLoop(client, server).handshake();
        assertEquals("TLS_CHACHA20_POLY1305_SHA256", loop.server.getSession().getCipherSuite());
    }
}
