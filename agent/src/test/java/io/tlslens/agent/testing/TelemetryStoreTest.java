package io.tlslens.agent.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryStoreTest {
    private final TelemetryStore store = new TelemetryStore();

    static ExportTraceServiceRequest request(String serviceName, Span... spans) {
        return ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder()
                        .setResource(Resource.newBuilder().addAttributes(attribute("service.name", serviceName)))
                        .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(List.of(spans))))
                .build();
    }

    static Span span(String name, KeyValue... attributes) {
        return Span.newBuilder().setName(name).addAllAttributes(List.of(attributes)).build();
    }

    static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    @Test
    void awaitSpansWakesWhenAnotherThreadDeliversThem() throws Exception {
        Thread transport = new Thread(() -> {
            store.add(request("svc", span("TLS client handshake"), span("other")));
            store.add(request("svc", span("TLS client handshake")));
        });
        transport.start();

        List<Span> spans = store.awaitSpans(Spans.named("TLS client handshake"), 2, Duration.ofSeconds(10));

        assertEquals(2, spans.size());
        transport.join();
        assertEquals(3, store.spans().size());
        assertEquals("svc", store.receivedSpans().get(0).resourceAttribute("service.name"));
    }

    @Test
    void awaitSpansFailureListsWhatWasReceivedAndWhatWasRejected() {
        store.add(request("svc", span("TLS server handshake", attribute("tlslens.role", "server"),
                attribute("error.type", "untrusted_certificate"))));
        store.reject("415 /v1/traces: Content-Type 'application/json'");

        AssertionError failure = assertThrows(AssertionError.class,
                () -> store.awaitSpans(Spans.named("TLS client handshake"), 1, Duration.ofMillis(50)));

        String message = failure.getMessage();
        assertTrue(message.contains("got 0. Received 1 span(s)"), message);
        assertTrue(message.contains("TLS server handshake"), message);
        assertTrue(message.contains("tlslens.role=server"), message);
        assertTrue(message.contains("error.type=untrusted_certificate"), message);
        assertTrue(message.contains("Content-Type 'application/json'"), message);
    }

    @Test
    void awaitMetricsMatchesByPredicate() {
        store.add(ExportMetricsServiceRequest.newBuilder()
                .addResourceMetrics(ResourceMetrics.newBuilder().addScopeMetrics(ScopeMetrics.newBuilder()
                        .addMetrics(Metric.newBuilder().setName("tlslens.handshake.duration"))))
                .build());

        assertEquals(1, store.awaitMetrics(m -> m.getName().equals("tlslens.handshake.duration"), 1,
                Duration.ofSeconds(1)).size());
        assertThrows(AssertionError.class,
                () -> store.awaitMetrics(m -> m.getName().equals("absent"), 1, Duration.ofMillis(10)));
    }

    @Test
    void clearForgetsEverything() {
        store.add(request("svc", span("a")));
        store.reject("400 bad");

        store.clear();

        assertTrue(store.spans().isEmpty());
        assertTrue(store.rejectedExports().isEmpty());
    }
}
