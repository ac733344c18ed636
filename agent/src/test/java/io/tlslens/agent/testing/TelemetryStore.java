package io.tlslens.agent.testing;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Everything the test OTLP receivers got, whichever transport brought it. Transports add from their own threads while
 * a test reads and awaits; every access goes through one {@link Monitor}.
 */
public final class TelemetryStore {
    private final Monitor monitor = new Monitor();
    private final List<ReceivedSpan> spans = new ArrayList<>();
    private final List<Metric> metrics = new ArrayList<>();
    private final List<LogRecord> logRecords = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();

    void add(ExportTraceServiceRequest request) {
        monitor.update(() -> {
            for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
                for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                    for (Span span : scopeSpans.getSpansList()) {
                        spans.add(new ReceivedSpan(resourceSpans.getResource(), scopeSpans.getScope(), span));
                    }
                }
            }
        });
    }

    void add(ExportMetricsServiceRequest request) {
        monitor.update(() -> {
            for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
                for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
                    metrics.addAll(scopeMetrics.getMetricsList());
                }
            }
        });
    }

    void add(ExportLogsServiceRequest request) {
        monitor.update(() -> {
            for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
                for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
                    logRecords.addAll(scopeLogs.getLogRecordsList());
                }
            }
        });
    }

    /** An export the transport could not accept; kept so an await failure can say the exporter did send something. */
    void reject(String reason) {
        monitor.update(() -> rejected.add(reason));
    }

    public List<ReceivedSpan> receivedSpans() {
        return monitor.read(() -> List.copyOf(spans));
    }

    public List<Span> spans() {
        return monitor.read(() -> spans.stream().map(ReceivedSpan::span).collect(Collectors.toList()));
    }

    public List<Metric> metrics() {
        return monitor.read(() -> List.copyOf(metrics));
    }

    public List<LogRecord> logRecords() {
        return monitor.read(() -> List.copyOf(logRecords));
    }

    /** Exports that were refused (bad method, content type, encoding or body), with the reason. */
    public List<String> rejectedExports() {
        return monitor.read(() -> List.copyOf(rejected));
    }

    public void clear() {
        monitor.update(() -> {
            spans.clear();
            metrics.clear();
            logRecords.clear();
            rejected.clear();
        });
    }

    /**
     * Waits until at least {@code count} received spans match {@code filter} and returns all that match (possibly
     * more than {@code count}), in arrival order. Fails with a list of every span that did arrive.
     */
    public List<Span> awaitSpans(Predicate<Span> filter, int count, Duration timeout) {
        return await("span", this::spans, filter, count, timeout, Spans::describe);
    }

    /** As {@link #awaitSpans}, for metrics (each export of a metric is one entry). */
    public List<Metric> awaitMetrics(Predicate<Metric> filter, int count, Duration timeout) {
        return await("metric", this::metrics, filter, count, timeout, TelemetryStore::describe);
    }

    private <T> List<T> await(String what, Supplier<List<T>> all, Predicate<T> filter, int count,
            Duration timeout, Function<T, String> describe) {
        monitor.await(() -> matching(all.get(), filter).size() >= count, timeout);
        List<T> received = all.get();
        List<T> matching = matching(received, filter);
        if (matching.size() >= count) {
            return matching;
        }
        StringBuilder message = new StringBuilder()
                .append("expected ").append(count).append(' ').append(what).append("(s) matching the filter within ")
                .append(timeout).append(", got ").append(matching.size()).append(". Received ");
        if (received.isEmpty()) {
            message.append("no ").append(what).append(" at all.");
        } else {
            message.append(received.size()).append(' ').append(what).append("(s):");
        }
        received.forEach(item -> message.append("\n  - ").append(describe.apply(item)));
        List<String> refused = rejectedExports();
        if (!refused.isEmpty()) {
            message.append("\nRejected exports:");
            refused.forEach(reason -> message.append("\n  - ").append(reason));
        }
        throw new AssertionError(message.toString());
    }

    private static <T> List<T> matching(List<T> items, Predicate<T> filter) {
        return items.stream().filter(filter).collect(Collectors.toList());
    }

    static String describe(Metric metric) {
        return metric.getName() + " (" + metric.getDataCase() + ")";
    }
}
