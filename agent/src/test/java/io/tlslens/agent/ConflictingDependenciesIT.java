package io.tlslens.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.agent.testing.ChildJvm;
import io.tlslens.agent.testing.ConflictingDepsFixture;
import io.tlslens.agent.testing.Jdk;
import io.tlslens.agent.testing.OtlpHttpReceiver;
import io.tlslens.agent.testing.Spans;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An application that bundles its own, different versions of OpenTelemetry, ByteBuddy and Bouncy Castle still works
 * with the agent attached — and the agent still records its handshakes. The app checks that it got its own libraries
 * (see ConflictingDepsApp); ConflictingDepsAppTest shows it passes without the agent.
 */
class ConflictingDependenciesIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /**
     * The app has exited by then, and the agent exports before its JVM ends: a span not here within a few seconds is
     * not coming. (The receiver stores an export before it answers it.)
     */
    private static final Duration SPANS_AFTER_EXIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @MethodSource("io.tlslens.agent.testing.Jdks#all")
    void anApplicationWithItsOwnOtelByteBuddyAndBouncyCastleWorksWithTheAgent(Jdk jdk, TestInfo testInfo,
            @TempDir Path dir) {
        try (OtlpHttpReceiver receiver = OtlpHttpReceiver.start();
                ChildJvm app = ConflictingDepsFixture.app(testInfo, jdk, dir)
                        .env(receiver.exporterEnvironment())
                        .env("OTEL_SERVICE_NAME", "conflicting-deps-app")
                        .start()) {

            assertEquals(0, app.awaitExit(TIMEOUT), app::describe);
            assertTrue(app.stdout().lines().anyMatch("OK"::equals), app::describe);

            app.withOutputOnFailure(() -> receiver.awaitSpan(Spans.named("TLS client handshake"), SPANS_AFTER_EXIT));
            app.withOutputOnFailure(() -> receiver.awaitSpan(Spans.named("TLS server handshake"), SPANS_AFTER_EXIT));
        }
    }
}
