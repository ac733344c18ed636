package io.tlslens.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.ProtocolVersion;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sans-IO TLS 1.2 core against OpenSSL forced to {@code -tls1_2} over loopback, in both roles,
 * for each suite, each connection followed by one that resumes it with OpenSSL's ticket or ours.
 * Processes are killed and reaped; socket timeouts only guard against hangs.
 */
class Tls12OpensslTest {
    private static final int HANG_GUARD_MILLIS = 10_000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, ECDHE-ECDSA-AES128-GCM-SHA256, EC_P256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, ECDHE-ECDSA-AES256-GCM-SHA384, EC_P384",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, ECDHE-ECDSA-CHACHA20-POLY1305, EC_P256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, ECDHE-RSA-AES128-GCM-SHA256, RSA_2048",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, ECDHE-RSA-AES256-GCM-SHA384, RSA_2048",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, ECDHE-RSA-CHACHA20-POLY1305, RSA_2048",
    })
    void opensslClientAgainstOurServer(String suite, String opensslSuite, TestPki.KeyType keyType) throws Exception {
        Files.writeString(dir.resolve("ca.pem"), pem("CERTIFICATE", TestConfigs.PKI.ca.getEncoded()));
        SessionStore store = new InMemorySessionStore();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RecordingObserver full = serve(listener, store, keyType, opensslSuite, "-sess_out", "s1");
            assertEquals(suite, CipherSuite.name(full.negotiated.cipherSuite()));
            assertEquals(ProtocolVersion.TLSv1_2, full.negotiated.version());
            assertFalse(full.negotiated.resumed());
            RecordingObserver resumed = serve(listener, store, keyType, opensslSuite, "-sess_in", "s1");
            assertTrue(resumed.negotiated.resumed());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, ECDHE-ECDSA-AES128-GCM-SHA256, EC_P256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, ECDHE-ECDSA-AES256-GCM-SHA384, EC_P384",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, ECDHE-ECDSA-CHACHA20-POLY1305, EC_P256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, ECDHE-RSA-AES128-GCM-SHA256, RSA_2048",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, ECDHE-RSA-AES256-GCM-SHA384, RSA_2048",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, ECDHE-RSA-CHACHA20-POLY1305, RSA_2048",
    })
    void ourClientAgainstOpensslServer(String suite, String opensslSuite, TestPki.KeyType keyType) throws Exception {
        CertifiedKey key = TestConfigs.serverKey(keyType);
        Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", key.leaf().getEncoded()) + pem("CERTIFICATE", TestConfigs.PKI.ca.getEncoded()));
        Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", key.key().getEncoded()));
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path log = dir.resolve("s_server.log");
        Process server = new ProcessBuilder("openssl", "s_server", "-tls1_2", "-accept", "127.0.0.1:" + port,
                "-cert", dir.resolve("cert.pem").toString(), "-key", dir.resolve("key.pem").toString(), "-cipher", opensslSuite)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitLine(log, "ACCEPT");
            SessionStore store = new InMemorySessionStore();
            RecordingObserver first = connect(port, store, "first\n");
            assertEquals(suite, CipherSuite.name(first.negotiated.cipherSuite()));
            assertFalse(first.negotiated.resumed());
            RecordingObserver second = connect(port, store, "second\n");
            assertTrue(second.negotiated.resumed());
            awaitLine(log, "second");
        } finally {
            server.destroy();
            server.waitFor(HANG_GUARD_MILLIS, TimeUnit.MILLISECONDS);
            server.destroyForcibly();
        }
    }

    /** One s_client connection to our TLS 1.2 server: it says hello, gets a reply, and both close. */
    private RecordingObserver serve(ServerSocket listener, SessionStore store, TestPki.KeyType keyType, String opensslSuite,
            String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-tls1_2", "-cipher", opensslSuite,
                "-connect", "127.0.0.1:" + listener.getLocalPort(), "-servername", TestConfigs.HOST,
                "-CAfile", dir.resolve("ca.pem").toString(), "-verify_return_error", "-ign_eof"));
        for (String option : options) {
            command.add(option.matches("s\\d") ? dir.resolve(option).toString() : option);
        }
        Process client = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("s_client.log").toFile()).start();
        RecordingObserver events = new RecordingObserver();
        try {
            client.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
            client.getOutputStream().flush();
            TlsConnection connection = Tls.server(TestConfigs.server(TestConfigs.serverKey(keyType)).sessions(store).observer(events).build());
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout(HANG_GUARD_MILLIS);
                SocketDriver driver = new SocketDriver(connection, socket);
                driver.readUntil(() -> List.of(driver.received().split("\n")).contains("hello"));
                driver.write("reply\n");
                driver.close();
            }
            client.getOutputStream().close();
            assertTrue(client.waitFor(HANG_GUARD_MILLIS, TimeUnit.MILLISECONDS));
            String log = Files.readString(dir.resolve("s_client.log"));
            assertTrue(log.contains("Verify return code: 0 (ok)") && log.contains("reply"), log);
            return events;
        } finally {
            client.destroyForcibly();
            client.waitFor();
        }
    }

    /** One connection of our TLS 1.2 client to s_server, writing {@code text} once the handshake is done. */
    private RecordingObserver connect(int port, SessionStore store, String text) throws IOException {
        RecordingObserver events = new RecordingObserver();
        TlsConnection connection = Tls.client(TestConfigs.client().versions(List.of(ProtocolVersion.TLSv1_2)).sessions(store)
                .peer("127.0.0.1", port).observer(events).build());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(HANG_GUARD_MILLIS);
            SocketDriver driver = new SocketDriver(connection, socket);
            connection.beginHandshake();
            driver.readUntil(connection::isHandshakeComplete);
            driver.write(text);
            driver.close();
        }
        return events;
    }

    private static void awaitLine(Path log, String text) throws Exception {
        for (int i = 0; i < 100 && !(Files.exists(log) && Files.readString(log).contains(text)); i++) {
            Thread.sleep(100);
        }
        assertTrue(Files.readString(log).contains(text), "no '" + text + "' in " + Files.readString(log));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
