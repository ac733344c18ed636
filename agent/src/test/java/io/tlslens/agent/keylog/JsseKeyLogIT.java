package io.tlslens.agent.keylog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tlslens.agent.testing.ChildJvm;
import io.tlslens.agent.testing.Jdk;
import io.tlslens.agent.testing.TestPaths;
import io.tlslens.stack.KeyLog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * keylog=PATH, proved with a real dissector: a child JVM with the agent makes a TLS 1.3 and a
 * TLS 1.2 connection over 127.0.0.1 while tshark captures the loopback interface; tshark then
 * decrypts both connections' application data with the key log the agent wrote, and cannot
 * without it.
 *
 * <p>Needs tshark, and root (or Wireshark's capture capabilities) to capture; CI has both. Without
 * tshark the test fails and says how to install it: a skipped key-log test is an untested key log.
 */
class JsseKeyLogIT {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);
    static final Pattern LINE = Pattern.compile("([A-Z0-9_]+) ([0-9a-f]{64}) ((?:[0-9a-f]{2}){32,64})");
    static final List<String> TLS13_LABELS = List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET",
            "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tlslens.agent.testing.Jdks#all")
    void tsharkDecryptsTls13AndTls12WithTheKeyLogAndNotWithout(Jdk jdk, TestInfo testInfo) throws Exception {
        Tshark tshark = Tshark.find().orElseGet(() -> fail(Tshark.INSTALL_HINT));
        Path dir = freshDir("java" + jdk.featureVersion());
        Path keyLog = dir.resolve("keys.log");
        Path pcapng = dir.resolve("capture.pcapng");
        String marker = "tlslens-marker-" + UUID.randomUUID();
        int port = freePort();

        String childOutput;
        try (Tshark.Capture capture = tshark.capture(port, pcapng, dir)) {
            try (ChildJvm child = ChildJvm.builder(testInfo)
                    .jdk(jdk)
                    .agentArgs("keylog=" + keyLog)
                    .mainClass(KeyLogExchangeApp.class)
                    .args(String.valueOf(port), marker)
                    .start()) {
                child.awaitSuccess(RUN_TIMEOUT);
                String stdout = child.stdout();
                child.withOutputOnFailure(() -> {
                    assertTrue(stdout.contains("exchanged TLSv1.3 "), "no TLS 1.3 connection");
                    assertTrue(stdout.contains("exchanged TLSv1.2 "), "no TLS 1.2 connection");
                    assertTrue(child.stderr().contains("[tlslens] WARNING: key logging to " + keyLog
                            + ": anyone who can read this file can decrypt the recorded TLS traffic"),
                            "no warning that the key log is being written");
                    return null;
                });
                childOutput = stdout + child.stderr();
            }
            capture.stopWhenQuiet(Duration.ofSeconds(1), Duration.ofSeconds(15));
        }

        // The file: owner-only, and exactly the lines for two connections, each once although both
        // ends of each connection derived them.
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(keyLog, LinkOption.NOFOLLOW_LINKS)));
        Map<String, List<String>> labelsByRandom = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>();
        for (String line : Files.readAllLines(keyLog, StandardCharsets.US_ASCII)) {
            Matcher matcher = LINE.matcher(line);
            assertTrue(matcher.matches(), () -> "not an NSS key log line: " + line.replaceAll("[0-9a-f]{16,}", "<hex>"));
            labelsByRandom.computeIfAbsent(matcher.group(2), r -> new ArrayList<>()).add(matcher.group(1));
            secrets.add(matcher.group(3));
        }

        // What tshark sees: two ClientHellos, whose randoms are those of the key log.
        String hellos = tshark.run(dir, "client-hellos", "-r", pcapng.toString(), "-n", "-d", "tcp.port==" + port + ",tls",
                "-Y", "tls.handshake.type == 1", "-T", "fields", "-e", "tcp.stream", "-e", "tls.handshake.random");
        List<String[]> clientHellos = hellos.lines().filter(l -> !l.isBlank()).map(l -> l.trim().split("\t"))
                .collect(Collectors.toList());
        assertEquals(2, clientHellos.size(), () -> "ClientHellos in the capture: " + hellos);
        String tls13Stream = clientHellos.get(0)[0];
        String tls12Stream = clientHellos.get(1)[0];
        List<String> tls13Expected = new ArrayList<>(TLS13_LABELS);
        if (jdk.featureVersion() >= 25) {
            tls13Expected.add(KeyLog.EXPORTER_SECRET); // JDK 25 is the first to derive it
        }
        assertEquals(sorted(tls13Expected), sorted(labelsByRandom.get(clientHellos.get(0)[1])),
                () -> "key log lines for the TLS 1.3 connection; key log: " + labelsByRandom);
        assertEquals(List.of(KeyLog.CLIENT_RANDOM), labelsByRandom.get(clientHellos.get(1)[1]),
                () -> "key log lines for the TLS 1.2 connection; key log: " + labelsByRandom);
        assertEquals(2, labelsByRandom.size(), () -> "key log lines for other connections: " + labelsByRandom);

        // With the key log, tshark decrypts both connections' application data.
        for (String[] stream : List.of(new String[] {tls13Stream, "TLSv1.3"}, new String[] {tls12Stream, "TLSv1.2"})) {
            String decrypted = follow(tshark, dir, port, stream[0], keyLog.toString(), "with-keylog-" + stream[1]);
            assertTrue(decrypted.contains(KeyLogExchangeApp.request(marker, stream[1]))
                            && decrypted.contains(KeyLogExchangeApp.reply(marker, stream[1])),
                    () -> "tshark did not decrypt the " + stream[1] + " application data with " + keyLog + ":\n"
                            + decrypted);
        }

        // Without it, it cannot: the marker is on the wire only encrypted.
        for (String stream : List.of(tls13Stream, tls12Stream)) {
            String withoutKeys = follow(tshark, dir, port, stream, "", "without-keylog-" + stream);
            assertFalse(withoutKeys.contains(marker), () -> "decrypted without a key log:\n" + withoutKeys);
        }
        assertFalse(new String(Files.readAllBytes(pcapng), StandardCharsets.ISO_8859_1).contains(marker),
                "the marker is in the capture in clear");

        // No secret leaves through the agent's own output (warnings, console ladder).
        for (String secret : secrets) {
            assertFalse(childOutput.contains(secret), "a secret from the key log is in the child's output");
        }
    }

    @Test
    void aKeyLogOthersCouldReadIsRefusedAndTheApplicationRunsOn(TestInfo testInfo) throws Exception {
        Path dir = freshDir("refused");
        Path keyLog = Files.writeString(dir.resolve("keys.log"), "earlier\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(keyLog, PosixFilePermissions.fromString("rw-r--r--"));
        try (ChildJvm child = ChildJvm.builder(testInfo)
                .agentArgs("keylog=" + keyLog)
                .mainClass(KeyLogExchangeApp.class)
                .args(String.valueOf(freePort()), "tlslens-marker")
                .start()) {
            child.awaitSuccess(RUN_TIMEOUT);
            child.withOutputOnFailure(() -> {
                assertTrue(child.stderr().contains("[tlslens] WARNING: keylog=" + keyLog + ": refusing to append to "
                        + keyLog + ": its permissions are rw-r--r--"), "no warning naming the refused file");
                assertFalse(child.stderr().contains("key logging to"), "claims to be key logging");
                return null;
            });
        }
        assertEquals(List.of("earlier"), Files.readAllLines(keyLog, StandardCharsets.US_ASCII));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyLog)));
    }

    /** {@code tshark -z follow,tls,ascii} of one TCP stream: the decrypted application data, if any. */
    static String follow(Tshark tshark, Path dir, int port, String stream, String keyLog, String name)
            throws IOException, InterruptedException {
        return tshark.run(dir, "follow-" + name, "-r", dir.resolve("capture.pcapng").toString(), "-n",
                "-d", "tcp.port==" + port + ",tls", "-o", "tls.keylog_file:" + keyLog,
                "-q", "-z", "follow,tls,ascii," + stream);
    }

    static List<String> sorted(List<String> labels) {
        return labels == null ? List.of() : labels.stream().sorted().collect(Collectors.toList());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** target/keylog-it/NAME, emptied: the capture and the key log stay there for a look after a failure. */
    static Path freshDir(String name) throws IOException {
        Path dir = TestPaths.targetDir().resolve("keylog-it").resolve(name);
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
