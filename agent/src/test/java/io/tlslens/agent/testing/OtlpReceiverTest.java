package io.tlslens.agent.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both receivers decode what the real OpenTelemetry SDK exporter sends, configured the way a child JVM's agent is: from
 * {@link OtlpReceiver#exporterEnvironment()}.
 */
class OtlpReceiverTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    static Stream<Arguments> transports() {
        return Stream.of(
                Arguments.of(OtlpReceiver.HTTP_PROTOBUF, "none"),
                Arguments.of(OtlpReceiver.HTTP_PROTOBUF, "gzip"),
                Arguments.of(OtlpReceiver.GRPC, "none"),
                Arguments.of(OtlpReceiver.GRPC, "gzip"));
    }

    @ParameterizedTest(name = "{0}, compression {1}")
    @MethodSource("transports")
    void decodesSpansMetricsAndLogsFromTheSdkExporter(String protocol, String compression) {
        try (OtlpReceiver receiver = OtlpReceiver.start(protocol)) {
            OpenTelemetrySdk sdk = sdkExportingTo(receiver, compression);
            try {
                emitOneOfEach(sdk);
                assertTrue(flush(sdk).isSuccess(), "the SDK's export to " + receiver + " failed; rejected: "
                        + receiver.rejectedExports());

                io.opentelemetry.proto.trace.v1.Span span =
                        receiver.awaitSpan(Spans.named("TLS client handshake"), TIMEOUT);
                assertEquals("1.3", Spans.string(span, "tls.protocol.version"));
                assertEquals(443L, Spans.longValue(span, "server.port"));
                assertEquals(true, Spans.bool(span, "tls.established"));
                assertEquals(List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"),
                        Spans.list(span, "tls.client.supported_ciphers"));
                assertEquals(List.of("ClientHello", "ServerHello"), Spans.eventNames(span));
                assertEquals("sent", Spans.string(Spans.event(span, "ClientHello"), "tlslens.direction"));
                assertEquals(517L, Spans.longValue(Spans.event(span, "ClientHello"), "tlslens.message.length"));
                assertEquals("receiver-self-test", receiver.receivedSpans().get(0).resourceAttribute("service.name"));

                List<Metric> metrics = receiver.awaitMetrics(m -> m.getName().equals("tlslens.test.count"), 1,
                        TIMEOUT);
                assertEquals(3, metrics.get(0).getSum().getDataPoints(0).getAsInt());
                List<String> logBodies = receiver.logRecords().stream()
                        .map(LogRecord::getBody).map(b -> b.getStringValue()).collect(Collectors.toList());
                assertEquals(List.of("a log record"), logBodies);
                assertTrue(receiver.rejectedExports().isEmpty(), receiver.rejectedExports().toString());
            } finally {
                sdk.shutdown().join(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The SDK autoconfigured from the receiver's exporter environment, as OTEL_* variables map to otel.* keys. */
    private static OpenTelemetrySdk sdkExportingTo(OtlpReceiver receiver, String compression) {
        Map<String, String> config = new HashMap<>();
        receiver.exporterEnvironment().forEach((variable, value) ->
                config.put(variable.toLowerCase(Locale.ROOT).replace('_', '.'), value));
        config.put("otel.exporter.otlp.compression", compression);
        config.put("otel.service.name", "receiver-self-test");
        config.put("otel.traces.exporter", "otlp");
        config.put("otel.metrics.exporter", "otlp");
        config.put("otel.logs.exporter", "otlp");
        return AutoConfiguredOpenTelemetrySdk.builder()
                // A customizer, not a supplier: these must win over OTEL_* variables in the developer's shell.
                .addPropertiesCustomizer(properties -> config)
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
    }

    private static void emitOneOfEach(OpenTelemetrySdk sdk) {
        Tracer tracer = sdk.getTracer("receiver-self-test");
        Span span = tracer.spanBuilder("TLS client handshake")
                .setAttribute("tls.protocol.version", "1.3")
                .setAttribute("server.port", 443L)
                .setAttribute("tls.established", true)
                .setAttribute(AttributeKey.stringArrayKey("tls.client.supported_ciphers"),
                        List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"))
                .startSpan();
        span.addEvent("ClientHello", Attributes.of(AttributeKey.stringKey("tlslens.direction"), "sent",
                AttributeKey.longKey("tlslens.message.length"), 517L));
        span.addEvent("ServerHello");
        span.end();
        sdk.getMeter("receiver-self-test").counterBuilder("tlslens.test.count").build().add(3);
        sdk.getSdkLoggerProvider().get("receiver-self-test").logRecordBuilder().setBody("a log record").emit();
    }

    private static CompletableResultCode flush(OpenTelemetrySdk sdk) {
        return CompletableResultCode.ofAll(List.of(
                sdk.getSdkTracerProvider().forceFlush(),
                sdk.getSdkMeterProvider().forceFlush(),
                sdk.getSdkLoggerProvider().forceFlush())).join(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
