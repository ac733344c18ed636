package io.tlslens.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(2, run());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("tlslens: no command given\nusage: "));
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertEquals(2, run("attack", "123"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("tlslens: unknown command 'attack'\n"));
    }

    @Test
    void statusTakesExactlyOneTarget() {
        assertEquals(2, run("status"));
        assertEquals(2, run("status", "1", "2"));
    }

    @Test
    void helpGoesToStandardOutput() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("attach <pid|name> [key=value,...]"));
    }

    @Test
    void theCliRefusesItsOwnOptionsAsAgentOptions() {
        assertEquals(1, run("attach", "1", "reply=/etc/passwd"));
        assertEquals("tlslens: 'reply' is the CLI's own option, not an agent option\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void featureVersions() {
        assertEquals(17, new TargetJvm(1, "x", "17.0.15").featureVersion());
        assertEquals(25, new TargetJvm(1, "x", "25").featureVersion());
        assertEquals(8, new TargetJvm(1, "x", "1.8.0_452").featureVersion());
        assertEquals(0, new TargetJvm(1, "x", "?").featureVersion());
    }
}
