package io.tlslens.stack;

import static io.tlslens.stack.OpensslClient.pem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.observe.Decision;
import io.tlslens.observe.Decision.Subjects;
import io.tlslens.wire.NamedGroup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sans-IO core against OpenSSL's s_client and s_server over loopback, for what the JSSE API
 * cannot reach: 0-RTT early data, and resumption across a HelloRetryRequest (the binder over the
 * retry transcript). Each process is killed and reaped; socket timeouts only guard against hangs.
 */
class OpensslInteropTest {
    private static final int HANG_GUARD_MILLIS = 10_000;

    @TempDir
    Path dir;

    @Test
    void opensslClientResumesAcrossHelloRetryRequestAndSendsAcceptedEarlyData() throws Exception {
        Files.writeString(dir.resolve("ca.pem"), pem("CERTIFICATE", TestConfigs.PKI.ca.getEncoded()));
        Files.writeString(dir.resolve("early.txt"), "early hello\n");
        SessionStore serverStore = new InMemorySessionStore();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RecordingObserver full = serve(listener, serverStore, "X25519:P-256", "-sess_out", "s1");
            assertTrue(full.negotiated.helloRetry());
            assertFalse(full.negotiated.resumed());

            RecordingObserver resumed = serve(listener, serverStore, "X25519:P-256", "-sess_in", "s1", "-sess_out", "s2");
            assertTrue(resumed.negotiated.helloRetry());
            assertTrue(resumed.negotiated.resumed());

            RecordingObserver early = serve(listener, serverStore, "P-256", "-sess_in", "s2", "-early_data", "early.txt");
            assertTrue(early.negotiated.resumed());
            assertEquals("accepted", early.decision(Subjects.EARLY_DATA).flatMap(Decision::outcome).orElseThrow());
            assertTrue(early.messages().contains("received EndOfEarlyData"));
        }
    }

    @Test
    void referenceClientResumesAndSendsEarlyDataToOpensslServer() throws Exception {
        CertifiedKey key = TestConfigs.serverKey(TestPki.KeyType.EC_P256);
        Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", key.leaf().getEncoded()) + pem("CERTIFICATE", TestConfigs.PKI.ca.getEncoded()));
        Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", key.key().getEncoded()));
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path log = dir.resolve("s_server.log");
        Process server = new ProcessBuilder("openssl", "s_server", "-tls1_3", "-accept", "127.0.0.1:" + port,
                "-cert", dir.resolve("cert.pem").toString(), "-key", dir.resolve("key.pem").toString(),
                "-early_data", "-num_tickets", "1", "-groups", "P-384:X25519")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitLine(log, "ACCEPT");
            SessionStore clientStore = new InMemorySessionStore();
            RecordingObserver first = connect(port, clientStore, null);
            assertFalse(first.negotiated.resumed());
            RecordingObserver second = connect(port, clientStore, "early bird\n");
            assertTrue(second.negotiated.resumed());
            assertEquals("accepted", second.decision(Subjects.EARLY_DATA).flatMap(Decision::outcome).orElseThrow());
            awaitLine(log, "early bird");
            assertTrue(Files.readString(log).contains("Early data received"), Files.readString(log));
        } finally {
            server.destroy();
            server.waitFor(HANG_GUARD_MILLIS, TimeUnit.MILLISECONDS);
            server.destroyForcibly();
        }
    }

    /** One s_client connection to the reference server: it says hello, gets a reply, and both close. */
    private RecordingObserver serve(ServerSocket listener, SessionStore store, String groups, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-tls1_3", "-connect", "127.0.0.1:" + listener.getLocalPort(),
                "-servername", TestConfigs.HOST, "-CAfile", dir.resolve("ca.pem").toString(), "-verify_return_error", "-ign_eof",
                "-groups", groups));
        for (String option : options) {
            command.add(option.matches("s\\d|early\\.txt") ? dir.resolve(option).toString() : option);
        }
        RecordingObserver events = new RecordingObserver();
        TlsConnection connection = Tls.server(TestConfigs.server().groups(List.of(NamedGroup.secp256r1))
                .sessions(store).maxEarlyData(4096).observer(events).build());
        OpensslClient.exchange(dir, command, listener, connection);
        return events;
    }

    /** One reference client connection to s_server, with {@code early} sent as 0-RTT data when given. */
    private RecordingObserver connect(int port, SessionStore store, String early) throws IOException {
        RecordingObserver events = new RecordingObserver();
        TlsConnection connection = Tls.client(TestConfigs.client().sessions(store).earlyData(early != null).observer(events).build());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(HANG_GUARD_MILLIS);
            SocketDriver driver = new SocketDriver(connection, socket);
            connection.beginHandshake();
            if (early != null) {
                driver.write(early);
            }
            driver.readUntil(() -> connection.isHandshakeComplete() && !events.messages().isEmpty()
                    && events.messages().get(events.messages().size() - 1).equals("received NewSessionTicket"));
            driver.close();
        }
        return events;
    }

    private static void awaitLine(Path log, String text) throws Exception {
        for (int i = 0; i < 100 && !(Files.exists(log) && Files.readString(log).contains(text)); i++) {
            Thread.sleep(100);
        }
    }
}
