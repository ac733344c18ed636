package io.tlslens.agent.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.agent.testing.apps.ConflictingDepsApp;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The baseline for ConflictingDependenciesIT: without the agent, the app passes on its old libraries and fails on
 * anything else. So when the IT fails, the agent is to blame, not the app.
 */
class ConflictingDepsAppTest {
    private static final Duration EXIT = Duration.ofSeconds(60);

    @ParameterizedTest
    @MethodSource("io.tlslens.agent.testing.Jdks#all")
    void passesWithoutTheAgentOnItsOwnLibraries(Jdk jdk, TestInfo testInfo, @TempDir Path dir) {
        try (ChildJvm app = ConflictingDepsFixture.app(testInfo, jdk, dir).withoutAgent().start()) {
            assertEquals(0, app.awaitExit(EXIT), app::describe);

            List<String> lines = app.stdout().lines().collect(Collectors.toList());
            assertEquals(List.of("opentelemetry-sdk 1.60.0", "byte-buddy 1.18.12", "bcprov 1.81"), lines.subList(0, 3),
                    app::describe);
            assertTrue(lines.get(3).startsWith("tls TLSv1.3 TLS_"), app::describe);
            assertEquals("OK", lines.get(4), app::describe);
        }
    }

    @Test
    void failsWhenOtherVersionsOfTheLibrariesAreLoaded(TestInfo testInfo, @TempDir Path dir) {
        Path keystore = Keystores.selfSigned(Jdks.current(), dir, 2);
        // The test classpath carries the agent's own (newer) OpenTelemetry and ByteBuddy, and no Bouncy Castle.
        List<Path> withAgentDependencies = Arrays.stream(TestPaths.testClasspath().split(File.pathSeparator))
                .map(Path::of).collect(Collectors.toList());
        try (ChildJvm app = ChildJvm.builder(testInfo).withoutAgent().classpath(withAgentDependencies)
                .mainClass(ConflictingDepsApp.class)
                .args(keystore.toString(), Keystores.PASSWORD).start()) {
            assertEquals(1, app.awaitExit(EXIT), app::describe);
            assertTrue(app.stderr().contains("FAILED: OpenTelemetry SDK 1."), app::describe);
            assertTrue(app.stderr().contains(", expected 1.60.0"), app::describe);
        }
    }
}
