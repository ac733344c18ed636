package io.tlslens.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import io.tlslens.stack.KeyLog;
import io.tlslens.stack.jsse.TlsLensProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference stack's key log, proved with a real dissector and a second implementation, in each version:
 * a TLSLens client (key log hook {@link TlsLensProvider#keyLog}) talks to {@code openssl s_server
 * -keylogfile} while tshark captures loopback. tshark decrypts the encrypted handshake messages and the
 * application data with the TLSLens key log, and cannot without it; openssl logged the very same secrets for
 * the same client random (TLS 1.3: the four traffic secrets and the exporter secret; TLS 1.2: the master secret,
 * CLIENT_RANDOM).
 */
class KeyLogTest {

    /**
     * The handshake messages each version encrypts: in TLS 1.3 EncryptedExtensions, Certificate,
     * CertificateVerify, Finished; in TLS 1.2 the Finished messages alone.
     */
    static Stream<Arguments> versions() {
        return Stream.of(Arguments.of(TlsVersion.TLS_1_3, Set.of("8", "11", "15", "20"), Set.of(
                        "CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
                        "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET")),
                Arguments.of(TlsVersion.TLS_1_2, Set.of("20"), Set.of("CLIENT_RANDOM")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void tsharkDecryptsTheConnectionWithTheKeyLogAndOpensslLoggedTheSameSecrets(TlsVersion version,
            Set<String> encryptedHandshakeTypes, Set<String> labels) throws Exception {
        Tshark tshark = Tshark.find().orElseGet(() -> fail(Tshark.INSTALL_HINT));
        Pki pki = Pkis.of(KeyType.EC_P256);
        Path dir = freshDirectory("keylog-" + version.jsseName());
        Path pcapng = dir.resolve("capture.pcapng");
        Path opensslKeys = dir.resolve("openssl-keys.log");
        Path tlslensKeys = dir.resolve("tlslens-keys.log");
        String request = "key log marker " + UUID.randomUUID();
        NssKeyLog keyLog = new NssKeyLog();

        int port;
        Seen client;
        try (Peer.Server server = Interop.OPENSSL.loggingKeysTo(opensslKeys)
                .serve(Settings.server(pki).withVersions(version), 1);
             Tshark.Capture capture = tshark.capture(server.port(), pcapng)) {
            port = server.port();
            TlsLensProvider.keyLog(keyLog);
            try (Peer.Client connecting = Interop.UNDER_TEST.client(Settings.client(pki).withVersions(version))) {
                client = connecting.exchange(port, request);
            } finally {
                TlsLensProvider.keyLog(KeyLog.NONE);
            }
            server.finish();
            capture.stopWhenQuiet(Duration.ofSeconds(1));
        }
        keyLog.writeTo(tlslensKeys);
        assertEquals(Peer.reply(request), client.received());
        assertEquals(version.jsseName(), client.protocol());

        // The same secrets, under the same labels, for the one client random.
        Map<String, Map<String, String>> ours = NssKeyLog.read(tlslensKeys);
        Map<String, Map<String, String>> openssl = NssKeyLog.read(opensslKeys);
        assertEquals(1, ours.size(), () -> "client randoms in the TLSLens key log: " + ours.keySet());
        assertEquals(openssl.keySet(), ours.keySet(), "the client random of the connection");
        assertEquals(labels, ours.values().iterator().next().keySet(), "labels logged by TLSLens");
        assertEquals(openssl.values().iterator().next().keySet(), ours.values().iterator().next().keySet(),
                "labels logged by openssl and by TLSLens");
        assertEquals(openssl, ours, "secrets logged by openssl and by TLSLens");

        // tshark sees the encrypted handshake messages and the application data with the key log, not without.
        String tls = "tcp.port==" + port + ",tls";
        List<String> decryptedTypes = handshakeTypes(tshark.run(dir, "handshake-with-keylog", "-r", pcapng.toString(),
                "-n", "-d", tls, "-o", "tls.keylog_file:" + tlslensKeys, "-T", "fields", "-e", "tls.handshake.type"));
        assertTrue(decryptedTypes.containsAll(encryptedHandshakeTypes),
                () -> "handshake message types tshark decrypted: " + decryptedTypes);
        // The capture's first TCP streams are the probes that showed it running: follow the ClientHello's.
        String stream = tshark.run(dir, "client-hello", "-r", pcapng.toString(), "-n", "-d", tls,
                "-Y", "tls.handshake.type == 1", "-T", "fields", "-e", "tcp.stream").trim();
        assertTrue(stream.matches("[0-9]+"), () -> "one ClientHello in the capture, in TCP streams " + stream);
        String followed = tshark.run(dir, "follow-with-keylog", "-r", pcapng.toString(), "-n", "-d", tls,
                "-o", "tls.keylog_file:" + tlslensKeys, "-q", "-z", "follow,tls,ascii," + stream);
        assertTrue(followed.contains(request) && followed.contains(Peer.reply(request)),
                () -> "tshark did not decrypt the application data:\n" + followed);

        List<String> opaqueTypes = handshakeTypes(tshark.run(dir, "handshake-without-keylog", "-r", pcapng.toString(),
                "-n", "-d", tls, "-o", "tls.keylog_file:", "-T", "fields", "-e", "tls.handshake.type"));
        assertTrue(opaqueTypes.stream().noneMatch(encryptedHandshakeTypes::contains),
                () -> "handshake message types tshark read without the key log: " + opaqueTypes);
        String opaque = tshark.run(dir, "follow-without-keylog", "-r", pcapng.toString(), "-n", "-d", tls,
                "-o", "tls.keylog_file:", "-q", "-z", "follow,tls,ascii," + stream);
        assertFalse(opaque.contains(request), "tshark read the application data without the key log");
    }

    /** Every handshake message type in tshark's field output (one packet a line, types comma-separated). */
    private static List<String> handshakeTypes(String fields) {
        return fields.lines().flatMap(line -> Arrays.stream(line.trim().split(",")))
                .filter(type -> !type.isEmpty()).collect(Collectors.toList());
    }

    /** target/interop/NAME, emptied: the capture and the key logs stay there for a look after a failure. */
    private static Path freshDirectory(String name) throws Exception {
        Path dir = Pkis.workDirectory().resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(dir);
    }
}
