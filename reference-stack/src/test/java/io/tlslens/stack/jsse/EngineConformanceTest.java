package io.tlslens.stack.jsse;

import static io.tlslens.stack.jsse.TestPki.CA;
import static io.tlslens.stack.jsse.TestPki.SERVER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.Test;

/**
 * The SSLEngine semantics consumers rely on (research note §4.2), each checked against the JDK's
 * own engine as the peer, in memory.
 */
class EngineConformanceTest {
    private static final SSLContext SUN_SERVER = TestPki.sunJsse(SERVER.keyManagers(), CA.trustManagers());
    private static final SSLContext LENS_SERVER = TestPki.tlsLens(SERVER.keyManagers(), CA.trustManagers());
    private static final SSLContext LENS_CLIENT = TestPki.tlsLens(null, CA.trustManagers());

    /** A fresh client context each time, so that no connection resumes another test's session. */
    private static EngineLoop lensClientSunServer() {
        return new EngineLoop(TestPki.tlsLens(null, CA.trustManagers()).createSSLEngine("localhost", 443),
                SUN_SERVER.createSSLEngine());
    }

    private static EngineLoop sunClientLensServer() {
        return new EngineLoop(TestPki.sunJsse(null, CA.trustManagers()).createSSLEngine("localhost", 443),
                LENS_SERVER.createSSLEngine());
    }

    @Test
    void clientHandshakesWithSunJsseServerAndExchangesData() throws Exception {
        EngineLoop loop = lensClientSunServer().handshake();

        assertEquals("TLSv1.3", loop.client.getSession().getProtocol());
        assertEquals(loop.server.getSession().getCipherSuite(), loop.client.getSession().getCipherSuite());
        assertEquals("hello server", loop.clientToServer("hello server"));
        assertEquals("hello client", loop.serverToClient("hello client"));
        assertEquals(SERVER.leaf, loop.client.getSession().getPeerCertificates()[0]);
    }

    @Test
    void serverHandshakesWithSunJsseClientAndExchangesData() throws Exception {
        EngineLoop loop = sunClientLensServer().handshake();

        assertEquals("TLSv1.3", loop.server.getSession().getProtocol());
        assertEquals(loop.client.getSession().getCipherSuite(), loop.server.getSession().getCipherSuite());
        assertEquals("hello server", loop.clientToServer("hello server"));
        assertEquals("hello client", loop.serverToClient("hello client"));
        assertEquals(SERVER.leaf, loop.client.getSession().getPeerCertificates()[0]);
    }

    @Test
    void unwrapConsumesOneRecordPerCall() throws Exception {
        EngineLoop loop = lensClientSunServer().handshake();
        loop.serverToClient("settle post-handshake messages");
        ByteBuffer one = record(loop.server, "one");
        int first = one.remaining();
        ByteBuffer two = concat(one, record(loop.server, "two"));

        ByteBuffer app = ByteBuffer.allocate(1 << 15);
        SSLEngineResult r = loop.client.unwrap(two, app);

        assertEquals(Status.OK, r.getStatus());
        assertEquals(first, r.bytesConsumed());
        assertEquals(3, r.bytesProduced());
        assertEquals(first, two.position());
    }

    @Test
    void bufferUnderflowConsumesNothing() throws Exception {
        EngineLoop loop = lensClientSunServer().handshake();
        loop.serverToClient("settle");
        ByteBuffer whole = record(loop.server, "a record cut in half");
        for (int cut : new int[] {0, 3, 5, whole.remaining() - 1}) {
            ByteBuffer partial = whole.duplicate();
            partial.limit(cut);

            SSLEngineResult r = loop.client.unwrap(partial, ByteBuffer.allocate(1 << 15));

            assertEquals(Status.BUFFER_UNDERFLOW, r.getStatus(), "cut at " + cut);
            assertEquals(0, r.bytesConsumed());
            assertEquals(0, partial.position());
        }
        assertEquals(Status.OK, loop.client.unwrap(whole, ByteBuffer.allocate(1 << 15)).getStatus());
    }

    @Test
    void bytesThatAreNoTlsRecordFailAtOnceInsteadOfWaitingForMore() {
        SSLEngine server = LENS_SERVER.createSSLEngine();
        server.setUseClientMode(false);
        ByteBuffer http = ByteBuffer.wrap("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));

        SSLHandshakeException failure = assertThrows(SSLHandshakeException.class,
                () -> server.unwrap(http, ByteBuffer.allocate(1 << 15)));

        assertTrue(failure.getMessage().contains("not TLS"), failure.getMessage());
        assertEquals(HandshakeStatus.NEED_WRAP, server.getHandshakeStatus(), "its alert");
    }

    @Test
    void bufferOverflowConsumesNothing() throws Exception {
        EngineLoop loop = lensClientSunServer().handshake();
        loop.serverToClient("settle");
        ByteBuffer net = record(loop.server, "x".repeat(600));

        SSLEngineResult overflow = loop.client.unwrap(net, ByteBuffer.allocate(512));
        SSLEngineResult ok = loop.client.unwrap(net, ByteBuffer.allocate(loop.client.getSession().getApplicationBufferSize()));

        assertEquals(Status.BUFFER_OVERFLOW, overflow.getStatus());
        assertEquals(0, overflow.bytesConsumed());
        assertEquals(Status.OK, ok.getStatus());
        assertEquals(600, ok.bytesProduced());
    }

    @Test
    void wrapNeverProducesMoreThanThePacketBufferSize() throws Exception {
        EngineLoop loop = lensClientSunServer().handshake();
        int packet = loop.client.getSession().getPacketBufferSize();
        ByteBuffer src = ByteBuffer.wrap(new byte[100_000]);
        ByteBuffer[] many = {ByteBuffer.wrap(new byte[10]), ByteBuffer.wrap(new byte[20_000]), src};

        SSLEngineResult single = loop.client.wrap(src, ByteBuffer.allocate(1 << 20));
        SSLEngineResult gathered = loop.client.wrap(many, ByteBuffer.allocate(1 << 20));

        assertEquals(Status.OK, single.getStatus());
        assertTrue(single.bytesProduced() <= packet, single.toString());
        assertTrue(single.bytesConsumed() > 0);
        assertEquals(Status.OK, gathered.getStatus());
        assertTrue(gathered.bytesProduced() <= packet, gathered.toString());
        assertEquals(1 << 14, gathered.bytesConsumed(), "fills a whole record across the buffers");
    }

    @Test
    void wrapIntoTooSmallBufferOverflowsWithoutConsuming() throws Exception {
        EngineLoop loop = lensClientSunServer().handshake();
        ByteBuffer src = ByteBuffer.wrap("data".getBytes(StandardCharsets.UTF_8));

        SSLEngineResult r = loop.client.wrap(src, ByteBuffer.allocate(10));

        assertEquals(Status.BUFFER_OVERFLOW, r.getStatus());
        assertEquals(0, r.bytesConsumed());
        assertEquals(0, src.position());
    }

    @Test
    void handshakeStatusIsAccurateBetweenCalls() throws Exception {
        SSLEngine client = LENS_CLIENT.createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        SSLEngine server = LENS_SERVER.createSSLEngine();
        server.setUseClientMode(false);
        assertEquals(HandshakeStatus.NOT_HANDSHAKING, client.getHandshakeStatus());

        client.beginHandshake();
        server.beginHandshake();
        assertEquals(HandshakeStatus.NEED_WRAP, client.getHandshakeStatus());
        assertEquals(HandshakeStatus.NEED_UNWRAP, server.getHandshakeStatus());

        ByteBuffer wire = ByteBuffer.allocate(1 << 16).flip();
        EngineLoop.wrap(client, ByteBuffer.allocate(0), wire);
        assertEquals(HandshakeStatus.NEED_UNWRAP, client.getHandshakeStatus(), "waits for the server's flight");

        server.unwrap(wire, ByteBuffer.allocate(1 << 15));
        assertEquals(HandshakeStatus.NEED_WRAP, server.getHandshakeStatus(), "has its flight to send");
    }

    @Test
    void finishedIsReportedExactlyOnceByEachSide() throws Exception {
        for (EngineLoop loop : List.of(lensClientSunServer(), sunClientLensServer())) {
            loop.handshake();
            loop.clientToServer("after");
            loop.serverToClient("after");

            assertEquals(1, EngineLoop.finishedCount(loop.clientResults));
            assertEquals(1, EngineLoop.finishedCount(loop.serverResults));
            List<SSLEngineResult> ours = loop.client instanceof TlsLensEngine ? loop.clientResults : loop.serverResults;
            assertEquals(HandshakeStatus.FINISHED, ours.get(ours.size() - 1).getHandshakeStatus(),
                    "the call that ended the handshake");
        }
    }

    @Test
    void postHandshakeMessagesAreAcceptedWhileNotHandshaking() throws Exception {
        EngineLoop loop = lensClientSunServer().handshake();
        // SunJSSE's NewSessionTicket arrives after the handshake, and a KeyUpdate when it "renegotiates"
        loop.server.beginHandshake();
        while (loop.server.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            EngineLoop.wrap(loop.server, ByteBuffer.allocate(0), loop.toClient);
        }
        List<SSLEngineResult> results = new ArrayList<>();
        while (loop.toClient.hasRemaining()) {
            results.add(loop.client.unwrap(loop.toClient, ByteBuffer.allocate(1 << 15)));
        }

        assertFalse(results.isEmpty());
        for (SSLEngineResult r : results) {
            assertEquals(Status.OK, r.getStatus());
            assertEquals(0, r.bytesProduced());
            assertNotEquals(HandshakeStatus.FINISHED, r.getHandshakeStatus());
        }
        assertEquals(HandshakeStatus.NEED_WRAP, loop.client.getHandshakeStatus(), "answers update_requested");
        EngineLoop.wrap(loop.client, ByteBuffer.allocate(0), loop.toServer);
        assertEquals(HandshakeStatus.NOT_HANDSHAKING, loop.client.getHandshakeStatus());
        assertEquals("still talking", loop.serverToClient("still talking"));
        assertEquals("both ways", loop.clientToServer("both ways"));
    }

    @Test
    void beginHandshakeAfterTheHandshakeUpdatesTheKeys() throws Exception {
        EngineLoop loop = lensClientSunServer().handshake();
        loop.serverToClient("settle");

        loop.client.beginHandshake();

        assertEquals(HandshakeStatus.NEED_WRAP, loop.client.getHandshakeStatus());
        SSLEngineResult keyUpdate = EngineLoop.wrap(loop.client, ByteBuffer.allocate(0), loop.toServer);
        assertEquals(HandshakeStatus.NOT_HANDSHAKING, keyUpdate.getHandshakeStatus());
        assertEquals("under new keys", loop.clientToServer("under new keys"));
    }

    @Test
    void serverAnswersAKeyUpdateRequestWhileNotHandshaking() throws Exception {
        EngineLoop loop = sunClientLensServer().handshake();
        loop.serverToClient("settle");

        loop.client.beginHandshake(); // SunJSSE: a KeyUpdate with update_requested
        while (loop.client.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            EngineLoop.wrap(loop.client, ByteBuffer.allocate(0), loop.toServer);
        }
        SSLEngineResult r = loop.server.unwrap(loop.toServer, ByteBuffer.allocate(1 << 15));

        assertEquals(Status.OK, r.getStatus());
        assertEquals(HandshakeStatus.NEED_WRAP, r.getHandshakeStatus(), "its own KeyUpdate in answer");
        EngineLoop.wrap(loop.server, ByteBuffer.allocate(0), loop.toClient);
        assertEquals(HandshakeStatus.NOT_HANDSHAKING, loop.server.getHandshakeStatus());
        assertEquals("after both updates", loop.serverToClient("after both updates"));
        assertEquals("and back", loop.clientToServer("and back"));
    }

    @Test
    void closeInboundBeforeThePeersCloseNotifyReportsPossibleTruncation() throws Exception {
        EngineLoop loop = lensClientSunServer().handshake();

        SSLException truncation = assertThrows(SSLException.class, loop.client::closeInbound);

        assertTrue(truncation.getMessage().contains("close_notify"), truncation.getMessage());
        assertTrue(loop.client.isInboundDone());
        assertEquals(HandshakeStatus.NEED_WRAP, loop.client.getHandshakeStatus(), "our close_notify goes out");
    }

    @Test
    void clientSendsSniForADnsPeerHostOrTheNamesSetExplicitly() throws Exception {
        assertEquals(List.of("www.example.com"), serverNamesSeen("www.example.com", null));
        assertEquals(List.of(), serverNamesSeen("localhost", null), "no dot: no SNI, as SunJSSE");
        assertEquals(List.of("api.example.org"), serverNamesSeen("www.example.com", "api.example.org"));
        assertEquals(List.of(new SNIHostName("www.example.com")),
                LENS_CLIENT.createSSLEngine("www.example.com", 443).getSSLParameters().getServerNames(),
                "visible in SSLParameters, as SunJSSE shows it");
    }

    /** The SNI host names a SunJSSE server saw from our client connecting to {@code host}. */
    private static List<String> serverNamesSeen(String host, String explicit) throws SSLException {
        SSLEngine client = LENS_CLIENT.createSSLEngine(host, 443);
        if (explicit != null) {
            SSLParameters parameters = client.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(explicit)));
            client.setSSLParameters(parameters);
        }
        List<String> seen = new ArrayList<>();
        SSLEngine server = SUN_SERVER.createSSLEngine();
        SSLParameters parameters = server.getSSLParameters();
        parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
            @Override
            public boolean matches(SNIServerName name) {
                seen.add(((SNIHostName) name).getAsciiName());
                return true;
            }
        }));
        server.setSSLParameters(parameters);
        new EngineLoop(client, server).handshake();
        return seen;
    }

    @Test
    void fatalErrorLeavesNeedWrapToFlushTheAlertThenCloses() throws Exception {
        SSLContext distrustful = TestPki.tlsLens(null, new TrustManager[] {new RejectingTrustManager()});
        EngineLoop loop = new EngineLoop(distrustful.createSSLEngine("localhost", 443), SUN_SERVER.createSSLEngine());

        assertThrows(SSLHandshakeException.class, loop::handshake);
        assertEquals(HandshakeStatus.NEED_WRAP, loop.client.getHandshakeStatus());
        ByteBuffer alert = ByteBuffer.allocate(loop.client.getSession().getPacketBufferSize());
        SSLEngineResult r = loop.client.wrap(ByteBuffer.allocate(0), alert);

        assertEquals(Status.CLOSED, r.getStatus());
        assertTrue(r.bytesProduced() > 0);
        assertEquals(HandshakeStatus.NOT_HANDSHAKING, loop.client.getHandshakeStatus());
        assertTrue(loop.client.isOutboundDone());
        assertTrue(loop.client.isInboundDone());
        alert.flip();
        assertThrows(SSLException.class, () -> loop.server.unwrap(alert, ByteBuffer.allocate(1 << 15)),
                "the server reads the alert");
        assertEquals(NullSession.CIPHER_SUITE, loop.client.getSession().getCipherSuite());
    }

    @Test
    void peerAlertFailsTheHandshakeAndClosesTheEngine() throws Exception {
        EngineLoop loop = lensClientSunServer();
        loop.client.setEnabledProtocols(new String[] {"TLSv1.3"});
        loop.server.setEnabledProtocols(new String[] {"TLSv1.2"});
        assertThrows(SSLHandshakeException.class, loop::handshake, "SunJSSE refuses our ClientHello");
        while (loop.server.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            EngineLoop.wrap(loop.server, ByteBuffer.allocate(0), loop.toClient);
        }

        SSLHandshakeException failure = assertThrows(SSLHandshakeException.class,
                () -> loop.client.unwrap(loop.toClient, ByteBuffer.allocate(1 << 15)));

        assertTrue(failure.getMessage().contains("protocol_version"), failure.getMessage());
        assertTrue(loop.client.isInboundDone());
        assertTrue(loop.client.isOutboundDone());
        assertEquals(HandshakeStatus.NOT_HANDSHAKING, loop.client.getHandshakeStatus());
        assertEquals(NullSession.CIPHER_SUITE, loop.client.getSession().getCipherSuite());
    }

    @Test
    void closeOutboundSendsCloseNotify() throws Exception {
        EngineLoop loop = lensClientSunServer().handshake();
        loop.serverToClient("settle");

        loop.client.closeOutbound();
        assertEquals(HandshakeStatus.NEED_WRAP, loop.client.getHandshakeStatus());
        SSLEngineResult r = EngineLoop.wrap(loop.client, ByteBuffer.allocate(0), loop.toServer);

        assertEquals(Status.CLOSED, r.getStatus());
        assertTrue(r.bytesProduced() > 0);
        assertTrue(loop.client.isOutboundDone());
        assertFalse(loop.client.isInboundDone());
        assertEquals(HandshakeStatus.NEED_UNWRAP, loop.client.getHandshakeStatus(), "waits for the peer's close_notify");
        SSLEngineResult received = loop.server.unwrap(loop.toServer, ByteBuffer.allocate(1 << 15));
        assertEquals(Status.CLOSED, received.getStatus());
        assertTrue(loop.server.isInboundDone());
    }

    @Test
    void inboundCloseNotifyClosesInboundAndAsksForAWrap() throws Exception {
        EngineLoop loop = lensClientSunServer().handshake();
        loop.serverToClient("settle");
        loop.server.closeOutbound();
        while (loop.server.getHandshakeStatus() == HandshakeStatus.NEED_WRAP && !loop.server.isOutboundDone()) {
            EngineLoop.wrap(loop.server, ByteBuffer.allocate(0), loop.toClient);
        }

        SSLEngineResult r = loop.client.unwrap(loop.toClient, ByteBuffer.allocate(1 << 15));

        assertEquals(Status.CLOSED, r.getStatus());
        assertTrue(loop.client.isInboundDone());
        assertFalse(loop.client.isOutboundDone());
        assertEquals(HandshakeStatus.NEED_WRAP, loop.client.getHandshakeStatus());
        loop.client.closeOutbound();
        SSLEngineResult reply = EngineLoop.wrap(loop.client, ByteBuffer.allocate(0), loop.toServer);
        assertEquals(Status.CLOSED, reply.getStatus());
        assertTrue(loop.client.isOutboundDone());
        assertEquals(HandshakeStatus.NOT_HANDSHAKING, loop.client.getHandshakeStatus());
    }

    @Test
    void closingBeforeTheHandshakeStartedIsQuiet() throws Exception {
        SSLEngine engine = LENS_CLIENT.createSSLEngine("localhost", 443);
        engine.setUseClientMode(true);

        engine.closeOutbound();
        engine.closeInbound();

        assertTrue(engine.isOutboundDone());
        assertTrue(engine.isInboundDone());
        assertEquals(HandshakeStatus.NOT_HANDSHAKING, engine.getHandshakeStatus());
        SSLEngineResult r = engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(1 << 15));
        assertEquals(Status.CLOSED, r.getStatus());
        assertEquals(0, r.bytesProduced());
        assertEquals(NullSession.CIPHER_SUITE, engine.getSession().getCipherSuite());
    }

    @Test
    void applicationProtocolIsNullBeforeEmptyWithoutAlpnAndNegotiatedOtherwise() throws Exception {
        EngineLoop none = lensClientSunServer();
        assertNull(none.client.getApplicationProtocol());
        none.handshake();
        assertEquals("", none.client.getApplicationProtocol());

        EngineLoop alpn = lensClientSunServer();
        SSLParameters clientParameters = alpn.client.getSSLParameters();
        clientParameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        alpn.client.setSSLParameters(clientParameters);
        SSLParameters serverParameters = alpn.server.getSSLParameters();
        serverParameters.setApplicationProtocols(new String[] {"http/1.1", "h2"});
        alpn.server.setSSLParameters(serverParameters);
        alpn.handshake();
        assertEquals("http/1.1", alpn.client.getApplicationProtocol());
        assertEquals("http/1.1", alpn.server.getApplicationProtocol());
    }

    @Test
    void serverRunsTheHandshakeApplicationProtocolSelector() throws Exception {
        EngineLoop loop = sunClientLensServer();
        SSLParameters clientParameters = loop.client.getSSLParameters();
        clientParameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        loop.client.setSSLParameters(clientParameters);
        List<List<String>> offered = new ArrayList<>();
        List<String> handshakeProtocols = new ArrayList<>();
        loop.server.setHandshakeApplicationProtocolSelector((engine, protocols) -> {
            offered.add(protocols);
            handshakeProtocols.add(String.valueOf(engine.getHandshakeApplicationProtocol()));
            return "h2";
        });

        loop.handshake();

        assertEquals(List.of(List.of("h2", "http/1.1")), offered);
        assertEquals(List.of("null"), handshakeProtocols, "not yet determined while the selector runs");
        assertEquals("h2", loop.server.getApplicationProtocol());
        assertEquals("h2", loop.client.getApplicationProtocol());
        assertNull(loop.server.getHandshakeApplicationProtocol(), "only during the handshake");
    }

    @Test
    void sessionIsTheNullSessionUntilTheHandshakeCompletes() throws Exception {
        EngineLoop loop = lensClientSunServer();
        SSLSession before = loop.client.getSession();
        assertEquals(NullSession.CIPHER_SUITE, before.getCipherSuite());
        assertFalse(before.isValid());
        assertNull(loop.client.getHandshakeSession());

        loop.handshake();

        assertNotEquals(NullSession.CIPHER_SUITE, loop.client.getSession().getCipherSuite());
        assertTrue(loop.client.getSession().isValid());
        assertNull(loop.client.getHandshakeSession());
        assertNotNull(loop.client.getSession().getId());
    }

    @Test
    void neverDelegatesTasks() throws Exception {
        for (EngineLoop loop : List.of(lensClientSunServer(), sunClientLensServer())) {
            loop.handshake();
            List<SSLEngineResult> ours = loop.client instanceof TlsLensEngine ? loop.clientResults : loop.serverResults;
            assertTrue(ours.stream().noneMatch(r -> r.getHandshakeStatus() == HandshakeStatus.NEED_TASK));
        }
        assertNull(LENS_CLIENT.createSSLEngine().getDelegatedTask());
    }

    @Test
    void engineRequiresAModeBeforeTheHandshake() {
        SSLEngine engine = LENS_CLIENT.createSSLEngine();
        assertThrows(IllegalStateException.class, engine::beginHandshake);
    }

    /** One application record from {@code engine}. */
    private static ByteBuffer record(SSLEngine engine, String text) throws SSLException {
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        SSLEngineResult r = engine.wrap(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), out);
        assertEquals(Status.OK, r.getStatus());
        return out.flip();
    }

    private static ByteBuffer concat(ByteBuffer a, ByteBuffer b) {
        ByteBuffer both = ByteBuffer.allocate(a.remaining() + b.remaining());
        both.put(a).put(b);
        return both.flip();
    }
}
