package io.tlslens.agent.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.agent.testing.apps.EchoApp;
import io.tlslens.agent.testing.apps.HangingApp;
import io.tlslens.agent.testing.apps.MarkerAgent;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChildJvmTest {
    private static final Duration EXIT = Duration.ofSeconds(60);

    @ParameterizedTest
    @MethodSource("io.tlslens.agent.testing.Jdks#all")
    void runsAMainOnTheChosenJdkAndCapturesItsOutputAndExitCode(Jdk jdk, TestInfo testInfo) throws Exception {
        try (ChildJvm jvm = ChildJvm.builder(testInfo).jdk(jdk).withoutAgent()
                .systemProperty("echo.property", "a value")
                .systemProperty("echo.exit", "3")
                .env("ECHO_ENV", "from env")
                .mainClass(EchoApp.class)
                .args("one", "two words")
                .start()) {

            assertEquals(3, jvm.awaitExit(EXIT));

            List<String> expected = List.of("arg:one", "arg:two words", "property:a value", "env:from env",
                    "java.specification.version:" + jdk.featureVersion());
            assertEquals(expected, jvm.stdout().lines().collect(java.util.stream.Collectors.toList()), jvm.describe());
            assertEquals("to-stderr", jvm.stderr().strip());
            assertEquals(jvm.stdout(), Files.readString(jvm.stdoutFile()));
            assertEquals(jvm.stderr(), Files.readString(jvm.stderrFile()));
            assertTrue(jvm.stdoutFile().startsWith(TestPaths.targetDir().resolve("child-jvms")), jvm.stdoutFile()
                    .toString());
        }
    }

    @Test
    void passesTheAgentJarAndItsArgumentsBeforeMainRuns(@TempDir Path dir, TestInfo testInfo) throws Exception {
        Path agentJar = agentJar(dir, MarkerAgent.class);
        try (ChildJvm jvm = ChildJvm.builder(testInfo).agentJar(agentJar).agentArgs("stack=reference,keylog=/tmp/k")
                .mainClass(EchoApp.class).start()) {
            assertEquals(0, jvm.awaitExit(EXIT), jvm::describe);
            assertTrue(jvm.stdout().startsWith("marker-agent:stack=reference,keylog=/tmp/k\n"), jvm::describe);
            assertTrue(jvm.command().contains("-javaagent:" + agentJar + "=stack=reference,keylog=/tmp/k"));
        }
    }

    @Test
    void onTimeoutKillsTheWholeProcessTreeAndShowsTheOutput(TestInfo testInfo) {
        try (ChildJvm jvm = ChildJvm.builder(testInfo).withoutAgent().mainClass(HangingApp.class).args("spawn")
                .start()) {
            String line = jvm.awaitStdoutLine(l -> l.startsWith("child-pid:"), EXIT);
            long grandchild = Long.parseLong(line.substring("child-pid:".length()));
            assertTrue(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false));

            AssertionError failure = assertThrows(AssertionError.class, () -> jvm.awaitExit(Duration.ofMillis(300)));

            assertTrue(failure.getMessage().contains("did not exit within PT0.3S"), failure.getMessage());
            assertTrue(failure.getMessage().contains(line), failure.getMessage());
            assertFalse(jvm.isAlive());
            assertFalse(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false),
                    "grandchild " + grandchild + " survived");
        }
    }

    @Test
    void closeKillsAChildThatIsStillRunning(TestInfo testInfo) {
        ChildJvm jvm = ChildJvm.builder(testInfo).withoutAgent().mainClass(HangingApp.class).start();
        jvm.awaitStdoutLine("hanging"::equals, EXIT);

        jvm.close();

        assertFalse(jvm.isAlive());
    }

    @Test
    void awaitingALineFailsAsSoonAsTheChildHasExited(TestInfo testInfo) {
        try (ChildJvm jvm = ChildJvm.builder(testInfo).withoutAgent().mainClass(EchoApp.class).start()) {
            long start = System.nanoTime();

            assertThrows(AssertionError.class, () -> jvm.awaitStdoutLine("never printed"::equals, EXIT));

            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(waited.compareTo(EXIT.dividedBy(2)) < 0, "waited " + waited);
        }
    }

    @Test
    void refusesToStartWithoutTheAgentJar(@TempDir Path dir) {
        Path missing = dir.resolve("missing.jar");
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> ChildJvm.builder("no-agent").agentJar(missing).mainClass(EchoApp.class).start());
        assertTrue(failure.getMessage().contains(missing.toString()), failure.getMessage());
    }

    @Test
    void explicitEnvironmentWinsOverScrubbing() {
        ChildJvm.Builder builder = ChildJvm.builder("env").env("OTEL_SERVICE_NAME", "svc");
        assertEquals("svc", builder.environment().get("OTEL_SERVICE_NAME"));
        assertEquals(Jdks.current().home().toString(), builder.environment().get("JAVA_HOME"));
    }

    /** A jar whose only content is a manifest naming {@code premainClass}; the class itself is on the classpath. */
    private static Path agentJar(Path dir, Class<?> premainClass) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", premainClass.getName());
        Path jar = dir.resolve("marker-agent.jar");
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }
}
