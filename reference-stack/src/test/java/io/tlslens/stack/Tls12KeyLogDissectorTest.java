package io.tlslens.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.ProtocolVersion;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The TLS 1.2 key log is right if Wireshark's dissector, given only the bytes on the wire and the
 * CLIENT_RANDOM line, decrypts the application data: the HTTP request inside is read back, for each
 * AEAD (AES-128-GCM, AES-256-GCM, ChaCha20-Poly1305). Without the key log it is not.
 */
class Tls12KeyLogDissectorTest {
    private static final String REQUEST = "GET /tlslens HTTP/1.1\r\nHost: " + TestConfigs.HOST + "\r\n\r\n";

    @ParameterizedTest
    @ValueSource(ints = {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256})
    void wiresharkDecryptsTheCaptureWithTheKeyLog(int suite, @TempDir Path dir) throws Exception {
        List<String> keyLog = new ArrayList<>();
        Loopback pair = new Loopback(TestConfigs.client().versions(List.of(ProtocolVersion.TLSv1_2)).cipherSuites(List.of(suite))
                .keyLog((label, random, secret) -> keyLog.add(label + " " + hex(random) + " " + hex(secret))).build(),
                TestConfigs.server().build());
        Pcap pcap = new Pcap();
        pair.client.beginHandshake();
        exchange(pair, pcap);
        pair.client.writePlaintext(java.nio.ByteBuffer.wrap(REQUEST.getBytes(StandardCharsets.US_ASCII)));
        exchange(pair, pcap);
        Path capture = dir.resolve("tls12.pcap");
        pcap.write(capture);
        Path keys = dir.resolve("keylog.txt");
        Files.write(keys, keyLog, StandardCharsets.US_ASCII);

        assertEquals(1, keyLog.size());
        assertEquals("GET\t/tlslens\t" + TestConfigs.HOST, tshark(dir, capture, keys).strip());
        assertEquals("", tshark(dir, capture, dir.resolve("empty.txt")).strip(), "nothing is decrypted without the key log");
    }

    /** Moves records both ways until both are quiet, recording each flight as one segment. */
    private static void exchange(Loopback pair, Pcap pcap) throws SSLException {
        while (pair.client.pendingOutput() > 0 || pair.server.pendingOutput() > 0) {
            List<byte[]> fromClient = Loopback.takeRecords(pair.client);
            fromClient.forEach(r -> pcap.send(true, r));
            Loopback.deliver(pair.server, fromClient);
            List<byte[]> fromServer = Loopback.takeRecords(pair.server);
            fromServer.forEach(r -> pcap.send(false, r));
            Loopback.deliver(pair.client, fromServer);
        }
    }

    private static String tshark(Path dir, Path capture, Path keyLog) throws Exception {
        Path out = dir.resolve("tshark.out");
        Path err = dir.resolve("tshark.err");
        Process p;
        try {
            p = new ProcessBuilder("tshark", "-r", capture.toString(), "-o", "tls.keylog_file:" + keyLog,
                    "-Y", "http.request", "-T", "fields", "-e", "http.request.method", "-e", "http.request.uri", "-e", "http.host")
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (java.io.IOException e) {
            throw new AssertionError("tshark is needed to check the key log against a real dissector "
                    + "(Debian/Ubuntu: apt-get install -y tshark; .ci/run installs it)", e);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tshark finished");
        assertEquals(0, p.exitValue(), Files.readString(err));
        return Files.readString(out);
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02x", b));
        }
        return s.toString();
    }
}
