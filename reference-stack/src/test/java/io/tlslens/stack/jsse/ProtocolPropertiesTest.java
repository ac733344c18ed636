package io.tlslens.stack.jsse;

import static io.tlslens.stack.jsse.TestPki.CA;
import static io.tlslens.stack.jsse.TestPki.SERVER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code jdk.tls.client.protocols} / {@code jdk.tls.server.protocols} and the cipher-suite
 * counterparts pin an unmodified application's versions and suites, as with SunJSSE: operators
 * use them to force TLS 1.2 without touching code. As in SunJSSE, they apply to the {@code TLS} and
 * {@code Default} contexts; {@code TLSv1.3} and {@code TLSv1.2} contexts have fixed client defaults.
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

    @ParameterizedTest
    @ValueSource(strings = {"TLS", "TLSv1.3", "TLSv1.2"})
    void eachContextEnablesWhatSunJsseEnablesByDefault(String algorithm) throws Exception {
        SSLContext sun = SSLContext.getInstance(algorithm, "SunJSSE");
        sun.init(null, CA.trustManagers(), null);
        SSLContext ours = SSLContext.getInstance(algorithm, new TlsLensProvider());
        ours.init(null, CA.trustManagers(), null);
        for (boolean clientMode : new boolean[] {true, false}) {
            SSLEngine sunEngine = sun.createSSLEngine();
            sunEngine.setUseClientMode(clientMode);
            SSLEngine ourEngine = ours.createSSLEngine();
            ourEngine.setUseClientMode(clientMode);
            assertEquals(versionsWeImplement(sunEngine.getEnabledProtocols()), List.of(ourEngine.getEnabledProtocols()),
                    algorithm + (clientMode ? " client" : " server"));
        }
        assertEquals(versionsWeImplement(sun.getDefaultSSLParameters().getProtocols()),
                List.of(ours.getDefaultSSLParameters().getProtocols()), algorithm + " default parameters");
    }

    @Test
    void aTls12ContextsClientOffersOnlyTls12WhateverThePropertySays() throws Exception {
        System.setProperty("jdk.tls.client.protocols", "TLSv1.3");
        SSLContext context = SSLContext.getInstance("TLSv1.2", new TlsLensProvider());
        context.init(null, CA.trustManagers(), null);
        SSLEngine client = context.createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        assertArrayEquals(new String[] {"TLSv1.2"}, client.getEnabledProtocols());

        SSLEngine server = TestPki.tlsLens(SERVER.keyManagers(), null).createSSLEngine();
        server.setUseClientMode(false);
        EngineLoop loop = new EngineLoop(client, server).handshake();
        assertEquals("TLSv1.2", loop.server.getSession().getProtocol());
    }

    @Test
    void aTls12ContextsServerAcceptsTls13() throws Exception {
        SSLContext context = SSLContext.getInstance("TLSv1.2", new TlsLensProvider());
        context.init(SERVER.keyManagers(), null, null);
        SSLEngine server = context.createSSLEngine();
        server.setUseClientMode(false);
        SSLEngine client = TestPki.tlsLens(null, CA.trustManagers()).createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        EngineLoop loop = new EngineLoop(client, server).handshake();
        assertEquals("TLSv1.3", loop.client.getSession().getProtocol());
    }

    /** SunJSSE's list without the versions the reference stack does not implement (TLS 1.1 and older). */
    private static List<String> versionsWeImplement(String[] protocols) {
        return Arrays.stream(protocols).filter(p -> p.equals("TLSv1.3") || p.equals("TLSv1.2"))
                .collect(java.util.stream.Collectors.toList());
    }
}
