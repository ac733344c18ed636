package io.tlslens.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlslens.agent.testing.ChildJvm;
import io.tlslens.agent.testing.Jdks;
import io.tlslens.agent.testing.OtlpReceiver;
import io.tlslens.agent.testing.ReceivedSpan;
import io.tlslens.examples.Gallery;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exporter is configured the way every OpenTelemetry SDK is: OTEL_* variables (both OTLP
 * protocols) or otel.* system properties, with the service and resource attributes they name.
 */
class OtlpExportIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @ParameterizedTest
    @ValueSource(strings = {"http/protobuf", "grpc"})
    void exportsOverEitherProtocolFromEnvironmentVariables(String protocol, TestInfo testInfo) {
        try (OtlpReceiver receiver = OtlpReceiver.start(protocol);
                ChildJvm app = ChildJvm.builder(testInfo).jdk(Jdks.current())
                        .env(receiver.exporterEnvironment())
                        .env("OTEL_SERVICE_NAME", "checkout")
                        .env("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=staging,team=payments")
                        .mainClass(Gallery.class).args("tls13-socket")
                        .start()) {
            assertEquals(0, app.awaitExit(TIMEOUT), app::describe);
            assertResource(app, receiver, "checkout");
            List<ReceivedSpan> spans = receiver.receivedSpans();
            assertEquals("staging", spans.get(0).resourceAttribute("deployment.environment.name"));
            assertEquals("payments", spans.get(0).resourceAttribute("team"));
            // Nothing on the console once an exporter is configured.
            assertTrue(app.stderr().lines().noneMatch(line -> line.startsWith("TLS ")), app::describe);
        }
    }

    @Test
    void exportsFromOtelSystemProperties(TestInfo testInfo) {
        try (OtlpReceiver receiver = OtlpReceiver.start("http/protobuf");
                ChildJvm app = ChildJvm.builder(testInfo).jdk(Jdks.current())
                        .systemProperty("otel.exporter.otlp.endpoint", receiver.endpoint())
                        .systemProperty("otel.service.name", "from-properties")
                        .mainClass(Gallery.class).args("tls12-socket")
                        .start()) {
            assertEquals(0, app.awaitExit(TIMEOUT), app::describe);
            assertResource(app, receiver, "from-properties");
        }
    }

    private static void assertResource(ChildJvm app, OtlpReceiver receiver, String serviceName) {
        app.withOutputOnFailure(() -> receiver.awaitSpans(span -> span.getName().endsWith(" handshake"), 2,
                Duration.ofSeconds(15)));
        for (ReceivedSpan span : receiver.receivedSpans()) {
            assertEquals(serviceName, span.resourceAttribute("service.name"));
            assertEquals("io.tlslens", span.scope().getName());
        }
    }
}
