package io.tlslens.agent.testing;

import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A real OTLP receiver on 127.0.0.1 and an ephemeral port. Subclasses are transports only; what they receive goes to
 * one {@link TelemetryStore}, which does the storing and awaiting for both.
 */
public abstract class OtlpReceiver implements AutoCloseable {
    /** Values of {@code OTEL_EXPORTER_OTLP_PROTOCOL}. */
    public static final String HTTP_PROTOBUF = "http/protobuf";
    public static final String GRPC = "grpc";

    private final TelemetryStore store = new TelemetryStore();

    /** Starts a receiver for an {@code OTEL_EXPORTER_OTLP_PROTOCOL} value, so a test can run over both transports. */
    public static OtlpReceiver start(String protocol) {
        switch (protocol) {
            case HTTP_PROTOBUF:
                return OtlpHttpReceiver.start();
            case GRPC:
                return OtlpGrpcReceiver.start();
            default:
                throw new IllegalArgumentException("no test receiver for OTLP protocol " + protocol);
        }
    }

    /** The base endpoint, e.g. {@code http://127.0.0.1:40123}, as {@code OTEL_EXPORTER_OTLP_ENDPOINT} takes it. */
    public abstract String endpoint();

    /** The {@code OTEL_EXPORTER_OTLP_PROTOCOL} value this receiver speaks. */
    public abstract String protocol();

    /** Environment for a child JVM whose OpenTelemetry exporter should send here. */
    public Map<String, String> exporterEnvironment() {
        return Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint(), "OTEL_EXPORTER_OTLP_PROTOCOL", protocol());
    }

    protected final TelemetryStore store() {
        return store;
    }

    public List<Span> spans() {
        return store.spans();
    }

    public List<ReceivedSpan> receivedSpans() {
        return store.receivedSpans();
    }

    /** See {@link TelemetryStore#awaitSpans}. */
    public List<Span> awaitSpans(Predicate<Span> filter, int count, Duration timeout) {
        return store.awaitSpans(filter, count, timeout);
    }

    /** The first span matching {@code filter}, waiting for it up to {@code timeout}. */
    public Span awaitSpan(Predicate<Span> filter, Duration timeout) {
        return store.awaitSpans(filter, 1, timeout).get(0);
    }

    public List<Metric> metrics() {
        return store.metrics();
    }

    public List<Metric> awaitMetrics(Predicate<Metric> filter, int count, Duration timeout) {
        return store.awaitMetrics(filter, count, timeout);
    }

    public List<LogRecord> logRecords() {
        return store.logRecords();
    }

    public List<String> rejectedExports() {
        return store.rejectedExports();
    }

    public void clear() {
        store.clear();
    }

    @Override
    public abstract void close();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + protocol() + " " + endpoint() + "]";
    }
}
