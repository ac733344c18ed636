package io.tlslens.stack.jsse;

import static io.tlslens.stack.jsse.TestPki.CA;
import static io.tlslens.stack.jsse.TestPki.CLIENT;
import static io.tlslens.stack.jsse.TestPki.SERVER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * The application's key and trust managers as the provider calls them: with the engine or socket,
 * a handshake session to read, SNI matchers before key selection, JSSE's authType values, and
 * endpoint identification.
 */
class ManagerCallbacksTest {

    @Test
    void serverKeyManagerRunsAfterTheSniMatcherWithAHandshakeSession() throws Exception {
        RecordingKeyManager keys = new RecordingKeyManager(SERVER.keyManagers());
        SSLContext server = TestPki.tlsLens(new javax.net.ssl.KeyManager[] {keys}, CA.trustManagers());
        EngineLoop loop = new EngineLoop(TestPki.sunJsse(null, CA.trustManagers())
                .createSSLEngine("www.example.com", 443), server.createSSLEngine());
        SSLParameters parameters = loop.server.getSSLParameters();
        parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
            @Override
            public boolean matches(SNIServerName name) {
                keys.calls.add("sni:" + ((SNIHostName) name).getAsciiName());
                return true;
            }
        }));
        loop.server.setSSLParameters(parameters);

        loop.handshake();

        assertEquals(List.of("sni:www.example.com", "server:EC"), keys.calls);
        SSLSession during = keys.handshakeSessions.get(0);
        ExtendedSSLSession extended = assertInstanceOf(ExtendedSSLSession.class, during);
        assertEquals(List.of(new SNIHostName("www.example.com")), extended.getRequestedServerNames());
        assertTrue(List.of(extended.getPeerSupportedSignatureAlgorithms()).contains("SHA256withECDSA"));
        assertEquals("TLSv1.3", during.getProtocol());
        assertNotNull(loop.server.getSession().getValue("alias"), "a value put during the handshake stays");
    }

    @Test
    void serverKeyManagerIsAskedForEachKeyTypeInPreferenceOrder() throws Exception {
        RecordingKeyManager keys = new RecordingKeyManager(TestPki.RSA_SERVER.keyManagers());
        SSLContext server = TestPki.tlsLens(new javax.net.ssl.KeyManager[] {keys}, CA.trustManagers());
        EngineLoop loop = new EngineLoop(TestPki.sunJsse(null, CA.trustManagers()).createSSLEngine("localhost", 443),
                server.createSSLEngine());

        loop.handshake();

        assertEquals(List.of("server:EC", "server:RSA"), keys.calls);
        assertEquals(TestPki.RSA_SERVER.leaf, loop.client.getSession().getPeerCertificates()[0]);
    }

    @Test
    void sniMatcherRefusalFailsTheHandshakeBeforeKeySelection() throws Exception {
        RecordingKeyManager keys = new RecordingKeyManager(SERVER.keyManagers());
        SSLContext server = TestPki.tlsLens(new javax.net.ssl.KeyManager[] {keys}, CA.trustManagers());
        EngineLoop loop = new EngineLoop(TestPki.sunJsse(null, CA.trustManagers())
                .createSSLEngine("www.example.com", 443), server.createSSLEngine());
        SSLParameters parameters = loop.server.getSSLParameters();
        parameters.setSNIMatchers(List.of(SNIHostName.createSNIMatcher("other\\.example")));
        loop.server.setSSLParameters(parameters);

        SSLHandshakeException failure = assertThrows(SSLHandshakeException.class, loop::handshake);

        assertTrue(failure.getMessage().contains("unrecognized_name"), failure.getMessage());
        assertEquals(List.of(), keys.calls);
    }

    @Test
    void clientTrustManagerGetsUnknownAuthTypeAndTheHandshakeSession() throws Exception {
        RecordingTrustManager trust = new RecordingTrustManager(CA.trustManagers());
        SSLEngine client = TestPki.tlsLens(null, new TrustManager[] {trust}).createSSLEngine("localhost", 8443);
        SSLParameters parameters = client.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        client.setSSLParameters(parameters);
        EngineLoop loop = new EngineLoop(client,
                TestPki.sunJsse(SERVER.keyManagers(), CA.trustManagers()).createSSLEngine());

        loop.handshake();

        assertEquals(List.of("server:UNKNOWN"), trust.authTypes);
        SSLSession during = trust.handshakeSessions.get(0);
        assertEquals("localhost", during.getPeerHost());
        assertEquals(8443, during.getPeerPort());
        assertEquals(SERVER.leaf, during.getPeerCertificates()[0]);
        assertTrue(List.of(((ExtendedSSLSession) during).getLocalSupportedSignatureAlgorithms())
                .contains("SHA256withECDSA"));
    }

    @Test
    void endpointIdentificationRejectsAWrongHostWithTheJdkTrustManager() throws Exception {
        assertWrongHostRejected(CA.trustManagers());
    }

    @Test
    void endpointIdentificationRejectsAWrongHostWithAPlainTrustManager() throws Exception {
        assertWrongHostRejected(new TrustManager[] {plain(CA.trustManagers())});
    }

    @Test
    void endpointIdentificationAcceptsTheRightHostWithAPlainTrustManager() throws Exception {
        EngineLoop loop = new EngineLoop(identifying(new TrustManager[] {plain(CA.trustManagers())}, "localhost"),
                TestPki.sunJsse(SERVER.keyManagers(), CA.trustManagers()).createSSLEngine());

        loop.handshake();

        assertEquals("TLSv1.3", loop.client.getSession().getProtocol());
    }

    @Test
    void clientKeyManagerIsAskedWithTheKeyTypesTheServerAccepts() throws Exception {
        RecordingKeyManager keys = new RecordingKeyManager(CLIENT.keyManagers());
        SSLEngine server = TestPki.sunJsse(SERVER.keyManagers(), CA.trustManagers()).createSSLEngine();
        server.setNeedClientAuth(true);
        EngineLoop loop = new EngineLoop(TestPki.tlsLens(new javax.net.ssl.KeyManager[] {keys}, CA.trustManagers())
                .createSSLEngine("localhost", 443), server);

        loop.handshake();

        assertEquals(1, keys.calls.size());
        assertTrue(keys.calls.get(0).startsWith("client:EC"), keys.calls.toString());
        assertNotNull(keys.handshakeSessions.get(0));
        assertEquals(CLIENT.leaf, loop.server.getSession().getPeerCertificates()[0]);
    }

    @Test
    void serverTrustManagerGetsTheClientLeafKeyAlgorithm() throws Exception {
        RecordingTrustManager trust = new RecordingTrustManager(CA.trustManagers());
        SSLEngine server = TestPki.tlsLens(SERVER.keyManagers(), new TrustManager[] {trust}).createSSLEngine();
        server.setNeedClientAuth(true);
        EngineLoop loop = new EngineLoop(TestPki.sunJsse(CLIENT.keyManagers(), CA.trustManagers())
                .createSSLEngine("localhost", 443), server);

        loop.handshake();

        assertEquals(List.of("client:EC"), trust.authTypes);
        assertEquals(CLIENT.leaf, loop.server.getSession().getPeerCertificates()[0]);
        assertEquals(CLIENT.leaf.getSubjectX500Principal(), loop.server.getSession().getPeerPrincipal());
    }

    @Test
    void socketsCallTheSocketVariants() throws Exception {
        RecordingTrustManager trust = new RecordingTrustManager(CA.trustManagers());
        ExecutorService peer = Executors.newSingleThreadExecutor();
        try (ServerSocket server = TestPki.sunJsse(SERVER.keyManagers(), CA.trustManagers()).getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            peer.submit(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read();
                }
                return null;
            });
            try (SSLSocket client = (SSLSocket) TestPki.tlsLens(null, new TrustManager[] {trust}).getSocketFactory()
                    .createSocket("localhost", server.getLocalPort())) {
                SSLParameters parameters = client.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                client.setSSLParameters(parameters);

                client.startHandshake();

                assertEquals(List.of("socket-server:UNKNOWN"), trust.authTypes);
            }
        } finally {
            peer.shutdownNow();
        }
    }

    private static void assertWrongHostRejected(TrustManager[] trustManagers) {
        EngineLoop loop = new EngineLoop(identifying(trustManagers, "www.example.com"),
                TestPki.sunJsse(SERVER.keyManagers(), CA.trustManagers()).createSSLEngine());

        SSLHandshakeException failure = assertThrows(SSLHandshakeException.class, loop::handshake);

        List<Throwable> causes = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            causes.add(t);
        }
        assertTrue(causes.stream().anyMatch(t -> t instanceof CertificateException), causes.toString());
    }

    private static SSLEngine identifying(TrustManager[] trustManagers, String host) {
        SSLEngine client = TestPki.tlsLens(null, trustManagers).createSSLEngine(host, 443);
        SSLParameters parameters = client.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        client.setSSLParameters(parameters);
        return client;
    }

    /** Only the plain X509TrustManager methods, as older applications implement them. */
    private static X509TrustManager plain(TrustManager[] trustManagers) {
        X509TrustManager delegate = (X509TrustManager) trustManagers[0];
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                delegate.checkClientTrusted(chain, authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                delegate.checkServerTrusted(chain, authType);
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return delegate.getAcceptedIssuers();
            }
        };
    }
}
