package io.tlslens.stack.jsse;

import static io.tlslens.stack.jsse.TestPki.CA;
import static io.tlslens.stack.jsse.TestPki.CLIENT;
import static io.tlslens.stack.jsse.TestPki.SERVER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/** Client certificates (need and want) in both roles against SunJSSE. */
class ClientAuthTest {

    private static EngineLoop lensClient(javax.net.ssl.KeyManager[] keys, boolean need, boolean want) {
        SSLEngine server = TestPki.sunJsse(SERVER.keyManagers(), CA.trustManagers()).createSSLEngine();
        server.setNeedClientAuth(need);
        if (!need) {
            server.setWantClientAuth(want);
        }
        return new EngineLoop(TestPki.tlsLens(keys, CA.trustManagers()).createSSLEngine("localhost", 443), server);
    }

    private static EngineLoop lensServer(javax.net.ssl.KeyManager[] clientKeys, boolean need, boolean want) {
        SSLEngine server = TestPki.tlsLens(SERVER.keyManagers(), CA.trustManagers()).createSSLEngine();
        server.setNeedClientAuth(need);
        if (!need) {
            server.setWantClientAuth(want);
        }
        return new EngineLoop(TestPki.sunJsse(clientKeys, CA.trustManagers()).createSSLEngine("localhost", 443), server);
    }

    @Test
    void ourClientAuthenticatesWhenSunJsseNeedsIt() throws Exception {
        EngineLoop loop = lensClient(CLIENT.keyManagers(), true, false).handshake();

        assertEquals(CLIENT.leaf, loop.server.getSession().getPeerCertificates()[0]);
        assertEquals(CLIENT.leaf, loop.client.getSession().getLocalCertificates()[0]);
        assertEquals("ping", loop.clientToServer("ping"));
    }

    /** TLS 1.3: the client's handshake is over before the server judges its (empty) Certificate. */
    @Test
    void ourClientWithoutCertificateLearnsOfTheRefusalAfterItsHandshake() throws Exception {
        EngineLoop loop = lensClient(null, true, false);

        assertThrows(SSLHandshakeException.class, loop::handshake, "the server refuses");
        assertTrue(EngineLoop.finished(loop.clientResults), "our side had finished");
        while (loop.server.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            EngineLoop.wrap(loop.server, ByteBuffer.allocate(0), loop.toClient);
        }

        SSLException failure = assertThrows(SSLException.class,
                () -> loop.client.unwrap(loop.toClient, ByteBuffer.allocate(1 << 15)));

        // SunJSSE 17 says bad_certificate, later JDKs certificate_required (RFC 8446 §4.4.2.4)
        assertTrue(failure.getMessage().matches(".*(bad_certificate|certificate_required).*"), failure.getMessage());
        assertTrue(loop.client.isInboundDone());
    }

    @Test
    void ourClientWithoutCertificateIsFineWhenSunJsseOnlyWantsOne() throws Exception {
        EngineLoop loop = lensClient(null, false, true).handshake();

        assertThrows(SSLPeerUnverifiedException.class, () -> loop.server.getSession().getPeerCertificates());
        assertEquals("ping", loop.clientToServer("ping"));
    }

    @Test
    void ourServerGetsTheCertificateItNeeds() throws Exception {
        EngineLoop loop = lensServer(CLIENT.keyManagers(), true, false).handshake();

        assertEquals(CLIENT.leaf, loop.server.getSession().getPeerCertificates()[0]);
        assertEquals("pong", loop.serverToClient("pong"));
    }

    @Test
    void ourServerRefusesAClientWithoutTheCertificateItNeeds() {
        EngineLoop loop = lensServer(null, true, false);

        SSLHandshakeException failure = assertThrows(SSLHandshakeException.class, loop::handshake);

        assertTrue(failure.getMessage().contains("certificate_required"), failure.getMessage());
        assertTrue(loop.server instanceof TlsLensEngine, "failed at our server");
    }

    @Test
    void ourServerAcceptsAClientWithoutCertificateWhenItOnlyWantsOne() throws Exception {
        EngineLoop loop = lensServer(null, false, true).handshake();

        assertThrows(SSLPeerUnverifiedException.class, () -> loop.server.getSession().getPeerCertificates());
        assertEquals("pong", loop.serverToClient("pong"));
    }
}
