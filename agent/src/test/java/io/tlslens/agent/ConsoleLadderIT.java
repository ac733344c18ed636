package io.tlslens.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.agent.testing.ChildJvm;
import io.tlslens.agent.testing.Jdk;
import io.tlslens.examples.Gallery;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** With nothing configured, each handshake is drawn on standard error, readable in 80 columns. */
class ConsoleLadderIT {

    @ParameterizedTest
    @MethodSource("io.tlslens.agent.testing.Jdks#all")
    void handshakesArePrintedAsLadders(Jdk jdk, TestInfo testInfo) {
        try (ChildJvm app = ChildJvm.builder(testInfo).jdk(jdk)
                .mainClass(Gallery.class).args("tls13-socket", "hostname-mismatch")
                .start()) {
            assertEquals(0, app.awaitExit(Duration.ofSeconds(60)), app::describe);
            List<String> ladder = app.stderr().lines().collect(Collectors.toList());
            String text = String.join("\n", ladder);
            // Nothing but ladders: no warning from TLSLens or its libraries (JDK 24+ reports Unsafe use, for one).
            assertTrue(ladder.stream().noneMatch(line -> line.contains("WARNING")), text);
            for (String line : ladder) {
                assertTrue(line.length() <= 80, () -> "longer than 80 columns: " + line + "\n" + text);
            }
            assertTrue(ladder.stream().anyMatch(line -> line.startsWith("TLS client handshake  localhost:")), text);
            assertTrue(ladder.stream().anyMatch(line -> line.startsWith("TLS server handshake  ")), text);
            assertTrue(ladder.stream().anyMatch(line -> line.matches("\\s+0\\.000  ClientHello -+>")), text);
            assertTrue(ladder.stream().anyMatch(line -> line.matches("\\s+\\d+\\.\\d{3}  <-+ ServerHello")), text);
            assertTrue(ladder.stream().anyMatch(line -> line.matches("  TLS 1\\.3  TLS_\\S+  x25519  full")), text);
            assertTrue(text.contains("FAILED: hostname_mismatch (local side, alert certificate_unknown)"), text);
            assertTrue(text.contains("  why: The client asked for localhost but the certificate names"), text);
            assertTrue(text.contains("  fix: Connect with a name the certificate lists"), text);
        }
    }
}
