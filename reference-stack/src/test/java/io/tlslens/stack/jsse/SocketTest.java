package io.tlslens.stack.jsse;

import static io.tlslens.stack.jsse.TestPki.CA;
import static io.tlslens.stack.jsse.TestPki.SERVER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.observe.HandshakeObserver;
import io.tlslens.observe.Observation;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HandshakeCompletedEvent;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SSLSocket and SSLServerSocket of the provider against SunJSSE's, over loopback. */
class SocketTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final ExecutorService peers = Executors.newCachedThreadPool();

    @AfterEach
    void stopPeers() {
        peers.shutdownNow();
    }

    private static SSLContext lensClient() {
        return TestPki.tlsLens(null, CA.trustManagers());
    }

    /** A SunJSSE server that answers each line with the line in upper case, then closes. */
    private ServerSocket sunUpperCaseServer() throws IOException {
        ServerSocket server = TestPki.sunJsse(SERVER.keyManagers(), CA.trustManagers())
                .getServerSocketFactory().createServerSocket(0, 5, LOOPBACK);
        peers.submit(() -> {
            try (Socket s = server.accept()) {
                upperCase(s);
            }
            return null;
        });
        return server;
    }

    private static void upperCase(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
        for (String line; (line = in.readLine()) != null; ) {
            out.println(line.toUpperCase(Locale.ROOT));
        }
    }

    private static String exchange(Socket s, String line) throws IOException {
        PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
        out.println(line);
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    @Test
    void clientSocketTalksToSunJsseServerSocket() throws Exception {
        try (ServerSocket server = sunUpperCaseServer();
                SSLSocket client = (SSLSocket) lensClient().getSocketFactory().createSocket("localhost", server.getLocalPort())) {
            client.startHandshake();

            assertEquals("TLSv1.3", client.getSession().getProtocol());
            assertEquals(SERVER.leaf, client.getSession().getPeerCertificates()[0]);
            assertEquals("HELLO", exchange(client, "hello"));
        }
    }

    @Test
    void serverSocketTalksToSunJsseClient() throws Exception {
        SSLContext lensServer = TestPki.tlsLens(SERVER.keyManagers(), CA.trustManagers());
        try (SSLServerSocket server = (SSLServerSocket) lensServer.getServerSocketFactory()
                .createServerSocket(0, 5, LOOPBACK)) {
            Future<String> protocol = peers.submit(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    upperCase(s);
                    return s.getSession().getProtocol();
                }
            });
            try (SSLSocket client = (SSLSocket) TestPki.sunJsse(null, CA.trustManagers()).getSocketFactory()
                    .createSocket("localhost", server.getLocalPort())) {
                assertEquals("HELLO", exchange(client, "hello"));
                assertEquals("WORLD", exchange(client, "world"));
            }
            assertEquals("TLSv1.3", protocol.get(30, TimeUnit.SECONDS));
        }
    }

    /**
     * A server that reads the ClientHello and hangs up without an alert: the client's handshake fails
     * with SunJSSE's exception, and its observer hears the failure with the end of stream as its cause.
     */
    @Test
    void peerClosingDuringTheHandshakeFailsItForTheObserverToo() throws Exception {
        CompletableFuture<Exception> observed = new CompletableFuture<>();
        Observation.install(connection -> new HandshakeObserver() {
            @Override
            public void failed(Exception cause) {
                observed.complete(cause);
            }
        });
        try (ServerSocket server = new ServerSocket(0, 5, LOOPBACK)) {
            peers.submit(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[5]); // the ClientHello's record header, then hang up
                }
                return null;
            });
            try (SSLSocket client = (SSLSocket) TestPki.tlsLens(null, CA.trustManagers()).getSocketFactory()
                    .createSocket("localhost", server.getLocalPort())) {
                SSLHandshakeException failure = assertThrows(SSLHandshakeException.class, client::startHandshake);
                assertEquals("Remote host terminated the handshake", failure.getMessage());
            }
        } finally {
            Observation.reset();
        }
        assertInstanceOf(EOFException.class, observed.getNow(null));
    }

    @Test
    void acceptedSocketsInheritTheServerSocketParameters() throws Exception {
        SSLContext lensServer = TestPki.tlsLens(SERVER.keyManagers(), CA.trustManagers());
        try (SSLServerSocket server = (SSLServerSocket) lensServer.getServerSocketFactory()
                .createServerSocket(0, 5, LOOPBACK)) {
            server.setEnabledCipherSuites(new String[] {"TLS_CHACHA20_POLY1305_SHA256"});
            server.setWantClientAuth(true);
            Future<SSLSocket> accepted = peers.submit(() -> (SSLSocket) server.accept());
            try (Socket client = new Socket(LOOPBACK, server.getLocalPort());
                    SSLSocket serverSide = accepted.get(30, TimeUnit.SECONDS)) {
                assertEquals(List.of("TLS_CHACHA20_POLY1305_SHA256"), List.of(serverSide.getEnabledCipherSuites()));
                assertTrue(serverSide.getWantClientAuth());
                assertFalse(serverSide.getUseClientMode());
                assertTrue(client.isConnected());
            }
        }
    }

    @Test
    void layeredSocketLeavesTheTransportOpenWithoutAutoClose() throws Exception {
        try (ServerSocket server = sunUpperCaseServer();
                Socket plain = new Socket(LOOPBACK, server.getLocalPort())) {
            SSLSocket layered = (SSLSocket) lensClient().getSocketFactory()
                    .createSocket(plain, "localhost", server.getLocalPort(), false);

            assertEquals("LAYERED", exchange(layered, "layered"));
            assertEquals("localhost", layered.getSession().getPeerHost());
            layered.close();

            assertTrue(layered.isClosed());
            assertFalse(plain.isClosed(), "autoClose=false");
            assertTrue(plain.getInputStream().readAllBytes().length > 0,
                    "the server saw our close_notify, sent its own and closed");
        }
    }

    @Test
    void layeredSocketClosesTheTransportWithAutoClose() throws Exception {
        try (ServerSocket server = sunUpperCaseServer();
                Socket plain = new Socket(LOOPBACK, server.getLocalPort())) {
            SSLSocket layered = (SSLSocket) lensClient().getSocketFactory()
                    .createSocket(plain, "localhost", server.getLocalPort(), true);
            assertEquals("AUTO", exchange(layered, "auto"));

            layered.close();

            assertTrue(plain.isClosed());
        }
    }

    @Test
    void unconnectedSocketConnectsAndTakesThePeerHost() throws Exception {
        try (ServerSocket server = sunUpperCaseServer();
                SSLSocket client = (SSLSocket) lensClient().getSocketFactory().createSocket()) {
            assertFalse(client.isConnected());
            client.connect(new InetSocketAddress("localhost", server.getLocalPort()), 10_000);

            assertTrue(client.isConnected());
            assertEquals("CONNECTED", exchange(client, "connected"));
            assertEquals("localhost", client.getSession().getPeerHost());
            assertEquals(server.getLocalPort(), client.getSession().getPeerPort());
        }
    }

    @Test
    void silentPeerTimesOutDuringTheHandshake() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, LOOPBACK)) {
            peers.submit(() -> {
                try (Socket s = silent.accept()) {
                    s.getInputStream().readAllBytes(); // reads the ClientHello, never answers
                }
                return null;
            });
            try (SSLSocket client = (SSLSocket) lensClient().getSocketFactory()
                    .createSocket("localhost", silent.getLocalPort())) {
                client.setSoTimeout(200);

                assertThrows(SocketTimeoutException.class, client::startHandshake);
            }
        }
    }

    @Test
    void handshakeCompletedListenersHearOfTheSession() throws Exception {
        try (ServerSocket server = sunUpperCaseServer();
                SSLSocket client = (SSLSocket) lensClient().getSocketFactory().createSocket("localhost", server.getLocalPort())) {
            CompletableFuture<HandshakeCompletedEvent> heard = new CompletableFuture<>();
            client.addHandshakeCompletedListener(heard::complete);

            client.startHandshake();

            HandshakeCompletedEvent event = heard.getNow(null);
            assertNotNull(event, "called before startHandshake returns");
            assertEquals(client, event.getSocket());
            assertEquals(client.getSession(), event.getSession());
            assertEquals(client.getSession().getCipherSuite(), event.getCipherSuite());
        }
    }

    @Test
    void firstWriteHandshakesImplicitly() throws Exception {
        try (ServerSocket server = sunUpperCaseServer();
                SSLSocket client = (SSLSocket) lensClient().getSocketFactory().createSocket("localhost", server.getLocalPort())) {
            assertEquals("IMPLICIT", exchange(client, "implicit"));
            assertEquals("TLSv1.3", client.getSession().getProtocol());
        }
    }

    @Test
    void halfCloseLetsThePeerAnswerAfterOurCloseNotify() throws Exception {
        try (ServerSocket server = TestPki.sunJsse(SERVER.keyManagers(), CA.trustManagers())
                .getServerSocketFactory().createServerSocket(0, 5, LOOPBACK)) {
            peers.submit(() -> {
                try (Socket s = server.accept()) {
                    byte[] request = s.getInputStream().readAllBytes(); // to our close_notify
                    OutputStream out = s.getOutputStream();
                    out.write(("got " + request.length + " bytes").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                return null;
            });
            try (SSLSocket client = (SSLSocket) lensClient().getSocketFactory()
                    .createSocket("localhost", server.getLocalPort())) {
                client.getOutputStream().write(new byte[1000]);
                client.shutdownOutput();

                InputStream in = client.getInputStream();
                assertEquals("got 1000 bytes", new String(in.readAllBytes(), StandardCharsets.UTF_8));
                assertTrue(client.isOutputShutdown());
            }
        }
    }

    /** A server that sniffs the first bytes (is this TLS?) and then layers TLS over the socket with them. */
    @Test
    void serverLayeredOverASocketWhoseFirstBytesWereRead() throws Exception {
        SSLContext lensServer = TestPki.tlsLens(SERVER.keyManagers(), CA.trustManagers());
        try (ServerSocket plainServer = new ServerSocket(0, 5, LOOPBACK)) {
            Future<Integer> sniffed = peers.submit(() -> {
                try (Socket plain = plainServer.accept()) {
                    byte[] first = plain.getInputStream().readNBytes(3);
                    try (Socket tls = lensServer.getSocketFactory()
                            .createSocket(plain, new java.io.ByteArrayInputStream(first), true)) {
                        upperCase(tls);
                    }
                    return first[0] & 0xff;
                }
            });
            try (SSLSocket client = (SSLSocket) TestPki.sunJsse(null, CA.trustManagers()).getSocketFactory()
                    .createSocket("localhost", plainServer.getLocalPort())) {
                assertEquals("SNIFFED", exchange(client, "sniffed"));
            }
            assertEquals(io.tlslens.wire.ContentType.handshake, sniffed.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void plainHttpOnTheServerSocketFailsTheHandshakeAtOnce() throws Exception {
        SSLContext lensServer = TestPki.tlsLens(SERVER.keyManagers(), CA.trustManagers());
        try (SSLServerSocket server = (SSLServerSocket) lensServer.getServerSocketFactory()
                .createServerSocket(0, 5, LOOPBACK);
                Socket plain = new Socket(LOOPBACK, server.getLocalPort())) {
            plain.getOutputStream().write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            try (SSLSocket accepted = (SSLSocket) server.accept()) {
                accepted.setSoTimeout(10_000); // a wait for more bytes would end in a timeout, failing the test

                javax.net.ssl.SSLHandshakeException failure =
                        assertThrows(javax.net.ssl.SSLHandshakeException.class, accepted::startHandshake);

                assertTrue(failure.getMessage().contains("not TLS"), failure.getMessage());
            }
        }
    }

    /** close() from another thread must not wait for a writer stuck on a peer that stopped reading. */
    @Test
    void closeDoesNotWaitForAWriterBlockedOnAPeerThatDoesNotRead() throws Exception {
        try (ServerSocket server = TestPki.sunJsse(SERVER.keyManagers(), CA.trustManagers())
                .getServerSocketFactory().createServerSocket(0, 5, LOOPBACK)) {
            CompletableFuture<Void> release = new CompletableFuture<>();
            peers.submit(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.startHandshake();
                    release.get(); // then reads nothing
                }
                return null;
            });
            SSLSocket client = (SSLSocket) lensClient().getSocketFactory().createSocket("localhost", server.getLocalPort());
            client.startHandshake();
            java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
            Future<?> writer = peers.submit(() -> {
                byte[] chunk = new byte[1 << 16];
                while (true) {
                    client.getOutputStream().write(chunk);
                    written.addAndGet(chunk.length);
                }
            });
            for (long last = -1; last != written.get(); Thread.sleep(200)) {
                last = written.get(); // until the writer is stuck: the socket buffers are full
            }

            Future<?> closing = peers.submit(() -> {
                client.close();
                return null;
            });

            closing.get(30, TimeUnit.SECONDS);
            java.util.concurrent.ExecutionException failure =
                    assertThrows(java.util.concurrent.ExecutionException.class, () -> writer.get(30, TimeUnit.SECONDS));
            assertInstanceOf(IOException.class, failure.getCause());
            assertTrue(client.isClosed());
            release.complete(null);
        }
    }

    /** A reader thread and a writer thread at once, as HTTP/2 clients use a socket. */
    @Test
    void readsAndWritesRunConcurrently() throws Exception {
        int total = 4 << 20;
        try (ServerSocket server = TestPki.sunJsse(SERVER.keyManagers(), CA.trustManagers())
                .getServerSocketFactory().createServerSocket(0, 5, LOOPBACK)) {
            peers.submit(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().transferTo(s.getOutputStream()); // echo until our close_notify
                }
                return null;
            });
            try (SSLSocket client = (SSLSocket) lensClient().getSocketFactory()
                    .createSocket("localhost", server.getLocalPort())) {
                client.startHandshake();
                Future<Long> echoed = peers.submit(() -> {
                    long sum = 0;
                    InputStream in = client.getInputStream();
                    byte[] buffer = new byte[8192];
                    for (int n, seen = 0; seen < total && (n = in.read(buffer)) > 0; seen += n) {
                        for (int i = 0; i < n; i++) {
                            sum += buffer[i] & 0xff;
                        }
                    }
                    return sum;
                });
                long sent = 0;
                byte[] chunk = new byte[10_000];
                OutputStream out = client.getOutputStream();
                for (int written = 0; written < total; written += chunk.length) {
                    int length = Math.min(chunk.length, total - written);
                    for (int i = 0; i < length; i++) {
                        chunk[i] = (byte) (written + i);
                        sent += chunk[i] & 0xff;
                    }
                    out.write(chunk, 0, length);
                }

                assertEquals(sent, echoed.get(60, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void failedHandshakeLeavesTheNullSessionAndFailsLaterIo() throws Exception {
        try (ServerSocket server = sunUpperCaseServer();
                SSLSocket client = (SSLSocket) TestPki.tlsLens(null, new javax.net.ssl.TrustManager[] {
                    new RejectingTrustManager()}).getSocketFactory().createSocket("localhost", server.getLocalPort())) {
            assertEquals(NullSession.CIPHER_SUITE, client.getSession().getCipherSuite());
            javax.net.ssl.SSLException failure = assertThrows(javax.net.ssl.SSLException.class, client::startHandshake);
            assertInstanceOf(javax.net.ssl.SSLHandshakeException.class, failure.getCause());
        }
    }
}
