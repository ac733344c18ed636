package io.tlslens.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.examples.pki.Credential;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Scenario;
import io.tlslens.examples.scenario.Scenarios;
import io.tlslens.examples.scenario.SocketPairScenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gallery's command line: its output lines and its exit status. */
class GalleryTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A real handshake with a wrong claim: the server's certificate has expired, yet it expects success. */
    static final class ExpiredButExpectedToWork extends SocketPairScenario {
        ExpiredButExpectedToWork() {
            super("expired-but-expected-to-work", "misbehaves on purpose", Expectation.success());
        }

        @Override
        protected Credential serverCredential(Pki pki) {
            return pki.expiredServer();
        }
    }

    @Test
    void listsEveryScenarioWithoutRunningAny() throws Exception {
        assertEquals(0, gallery(Scenarios.all()).run("--list"));
        for (Scenario scenario : Scenarios.all()) {
            assertTrue(stdout().contains(scenario.name()), scenario.name());
        }
        assertEquals("", stderr());
    }

    @Test
    void runsTheNamedScenariosAndExitsZeroWhenEachBehaved() throws Exception {
        assertEquals(0, gallery(Scenarios.all()).run("tls13-socket", "not-tls"));
        String[] lines = stdout().split("\n");
        assertEquals(4, lines.length, stdout());
        assertEquals("stack: jsse (SunJSSE)", lines[0]);
        assertTrue(lines[1].startsWith("PASS tls13-socket ") && lines[1].contains("handshake OK (TLSv1.3"),
                lines[1]);
        assertTrue(lines[2].startsWith("PASS not-tls ") && lines[2].contains("fails: not_tls"), lines[2]);
        assertEquals("2 passed, 0 failed, 0 skipped", lines[3]);
        assertEquals("", stderr());
    }

    @Test
    void exitsNonZeroWhenAScenarioMisbehaves() throws Exception {
        List<Scenario> catalogue = new ArrayList<>(Scenarios.all());
        catalogue.add(new ExpiredButExpectedToWork());
        assertEquals(1, gallery(catalogue).run("tls12-socket", "expired-but-expected-to-work"));
        assertTrue(stdout().contains("FAIL expired-but-expected-to-work "), stdout());
        assertTrue(stdout().contains("1 passed, 1 failed, 0 skipped"), stdout());
    }

    @Test
    void rejectsAnUnknownScenarioName() throws Exception {
        assertEquals(2, gallery(Scenarios.all()).run("no-such-case"));
        assertTrue(stderr().contains("no scenario named no-such-case"), stderr());
        assertEquals("", stdout());
    }

    private Gallery gallery(List<Scenario> catalogue) {
        return new Gallery(catalogue, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
