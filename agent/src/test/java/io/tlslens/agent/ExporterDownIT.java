package io.tlslens.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.agent.testing.BlackholeEndpoints;
import io.tlslens.agent.testing.ChildJvm;
import io.tlslens.agent.testing.HangingEndpoint;
import io.tlslens.agent.testing.Jdks;
import io.tlslens.agent.testing.apps.HandshakeLoopApp;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An OTLP endpoint that hangs or is not there never holds up a handshake: the application runs its
 * handshakes at full speed and exits, while TLSLens drops what it cannot send.
 */
class ExporterDownIT {

    private static final int HANDSHAKES = 200;
    /**
     * A handshake that waited for the exporter would wait for its 10 s timeout; a free one takes
     * milliseconds. The bound sits far from both, so that a loaded machine does not flake it.
     */
    private static final long SLOWEST_ALLOWED_MS = 3_000;

    @ParameterizedTest
    @ValueSource(strings = {"http/protobuf", "grpc"})
    void aHangingEndpointDoesNotSlowHandshakes(String protocol, TestInfo testInfo) {
        try (HangingEndpoint hanging = BlackholeEndpoints.hanging()) {
            runLoop(testInfo, hanging.endpoint(), protocol);
            assertTrue(hanging.acceptedConnections() > 0, "the exporter never even tried the hanging endpoint");
        }
    }

    @Test
    void anUnreachableEndpointDoesNotSlowHandshakes(TestInfo testInfo) {
        runLoop(testInfo, BlackholeEndpoints.unreachableEndpoint(), "http/protobuf");
    }

    private static void runLoop(TestInfo testInfo, String endpoint, String protocol) {
        try (ChildJvm app = ChildJvm.builder(testInfo).jdk(Jdks.current())
                .env("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint)
                .env("OTEL_EXPORTER_OTLP_PROTOCOL", protocol)
                // A small export queue and batch, so that spans pile up and are dropped during the run.
                .env("OTEL_BSP_MAX_QUEUE_SIZE", "16")
                .env("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "8")
                .env("OTEL_BSP_SCHEDULE_DELAY", "10")
                .mainClass(HandshakeLoopApp.class)
                .args(String.valueOf(HANDSHAKES))
                .start()) {
            // Exit includes TLSLens's bounded shutdown flush against the dead endpoint.
            assertEquals(0, app.awaitExit(Duration.ofSeconds(120)), app::describe);
            Matcher result = Pattern.compile("handshakes=(\\d+) slowest_ms=(\\d+)").matcher(app.stdout());
            assertTrue(result.find(), app::describe);
            assertEquals(HANDSHAKES, Integer.parseInt(result.group(1)), app::describe);
            long slowest = Long.parseLong(result.group(2));
            assertTrue(slowest < SLOWEST_ALLOWED_MS, () -> "slowest handshake " + slowest + " ms\n" + app.describe());
        }
    }
}
