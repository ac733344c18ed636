package io.tlslens.agent.keylog;

import static io.tlslens.agent.keylog.JsseKeyLogIT.LINE;
import static io.tlslens.agent.keylog.JsseKeyLogIT.TLS13_LABELS;
import static io.tlslens.agent.keylog.JsseKeyLogIT.follow;
import static io.tlslens.agent.keylog.JsseKeyLogIT.freePort;
import static io.tlslens.agent.keylog.JsseKeyLogIT.freshDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tlslens.agent.testing.ChildJvm;
import io.tlslens.agent.testing.Jdk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code stack=reference,keylog=PATH}: the reference stack, swapped in for an application's
 * {@code SSLContext.getInstance("TLS")}, hands its secrets to the agent's key log, and tshark
 * decrypts a loopback capture of its TLS 1.3 connection with that file (and not without it).
 * Needs tshark and the right to capture, as {@link JsseKeyLogIT}.
 */
class ReferenceKeyLogIT {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);
    private static final String PROTOCOL = "TLSv1.3";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tlslens.agent.testing.Jdks#all")
    void tsharkDecryptsTheReferenceStacksTrafficWithTheAgentsKeyLog(Jdk jdk, TestInfo testInfo) throws Exception {
        Tshark tshark = Tshark.find().orElseGet(() -> fail(Tshark.INSTALL_HINT));
        Path dir = freshDir("reference-java" + jdk.featureVersion());
        Path keyLog = dir.resolve("keys.log");
        Path pcapng = dir.resolve("capture.pcapng");
        String marker = "tlslens-marker-" + UUID.randomUUID();
        int port = freePort();

        String childOutput;
        try (Tshark.Capture capture = tshark.capture(port, pcapng, dir)) {
            try (ChildJvm child = ChildJvm.builder(testInfo)
                    .jdk(jdk)
                    .agentArgs("stack=reference,keylog=" + keyLog)
                    .mainClass(KeyLogExchangeApp.class)
                    .args(String.valueOf(port), marker, PROTOCOL)
                    .start()) {
                child.awaitSuccess(RUN_TIMEOUT);
                child.withOutputOnFailure(() -> {
                    assertTrue(child.stdout().contains("exchanged TLSv1.3 "), "no TLS 1.3 connection");
                    assertTrue(child.stderr().contains("[tlslens] stack=reference: "), "the stack was not swapped");
                    assertTrue(child.stderr().contains("[tlslens] WARNING: key logging to " + keyLog
                            + ": anyone who can read this file can decrypt the recorded TLS traffic"),
                            "no warning that the key log is being written");
                    return null;
                });
                childOutput = child.stdout() + child.stderr();
            }
            capture.stopWhenQuiet(Duration.ofSeconds(1), Duration.ofSeconds(15));
        }

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

        String hellos = tshark.run(dir, "client-hellos", "-r", pcapng.toString(), "-n", "-d", "tcp.port==" + port + ",tls",
                "-Y", "tls.handshake.type == 1", "-T", "fields", "-e", "tcp.stream", "-e", "tls.handshake.random");
        List<String[]> clientHellos = hellos.lines().filter(l -> !l.isBlank()).map(l -> l.trim().split("\t"))
                .collect(Collectors.toList());
        assertEquals(1, clientHellos.size(), () -> "ClientHellos in the capture: " + hellos);
        List<String> labels = labelsByRandom.get(clientHellos.get(0)[1]);
        assertTrue(labels != null && labels.containsAll(TLS13_LABELS),
                () -> "key log lines for the connection: " + labelsByRandom);
        assertEquals(labels.size(), labels.stream().distinct().count(),
                () -> "each secret once, though both ends are in the JVM: " + labels);
        assertEquals(1, labelsByRandom.size(), () -> "key log lines for other connections: " + labelsByRandom);

        String stream = clientHellos.get(0)[0];
        String decrypted = follow(tshark, dir, port, stream, keyLog.toString(), "reference-with-keylog");
        assertTrue(decrypted.contains(KeyLogExchangeApp.request(marker, PROTOCOL))
                        && decrypted.contains(KeyLogExchangeApp.reply(marker, PROTOCOL)),
                () -> "tshark did not decrypt the application data with " + keyLog + ":\n" + decrypted);
        String withoutKeys = follow(tshark, dir, port, stream, "", "reference-without-keylog");
        assertFalse(withoutKeys.contains(marker), () -> "decrypted without a key log:\n" + withoutKeys);

        for (String secret : secrets) {
            assertFalse(childOutput.contains(secret), "a secret from the key log is in the child's output");
        }
    }
}
