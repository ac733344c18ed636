package io.tlslens.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.trace.v1.Span;
import io.tlslens.agent.testing.ChildJvm;
import io.tlslens.agent.testing.Jdks;
import io.tlslens.agent.testing.OtlpHttpReceiver;
import io.tlslens.agent.testing.Spans;
import io.tlslens.agent.testing.apps.AbandonedHandshakeApp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** A handshake the application stops driving is ended after the bound, not left open for ever. */
class AbandonedHandshakeIT {

    @Test
    void anAbandonedHandshakeEndsAfterTheBound(TestInfo testInfo) {
        try (OtlpHttpReceiver receiver = OtlpHttpReceiver.start();
                ChildJvm app = ChildJvm.builder(testInfo).jdk(Jdks.current())
                        .agentArgs("handshake.timeout.ms=1000")
                        .env(receiver.exporterEnvironment())
                        .env("OTEL_BSP_SCHEDULE_DELAY", "100")
                        .mainClass(AbandonedHandshakeApp.class)
                        .args("30")
                        .start()) {
            app.awaitStdoutLine(line -> line.startsWith("ClientHello produced"), Duration.ofSeconds(30));
            // The app still holds the engine: the span must come from the bound, long before the app exits.
            Span span = app.withOutputOnFailure(
                    () -> receiver.awaitSpan(Spans.named("TLS client handshake"), Duration.ofSeconds(15)));
            assertEquals("handshake_timeout", Spans.string(span, "error.type"), () -> Spans.describe(span));
            assertEquals(false, Spans.bool(span, "tls.established"));
            assertEquals("local", Spans.string(span, "tlslens.failure.side"));
            assertTrue(Spans.string(span, "tlslens.failure.detail").contains("no handshake progress"),
                    () -> Spans.describe(span));
            assertEquals("abandoned.example", Spans.string(span, "server.address"), () -> Spans.describe(span));
            assertEquals(java.util.List.of("ClientHello"), Spans.eventNames(span));
        }
    }
}
