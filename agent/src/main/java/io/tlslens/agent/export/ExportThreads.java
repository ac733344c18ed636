package io.tlslens.agent.export;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.tlslens.agent.AgentThread;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs the OTLP exporters' network calls on {@link AgentThread}s, so that the TLS handshakes of an
 * https endpoint are recognised as TLSLens's own and not recorded.
 */
final class ExportThreads {

    private final ExecutorService executor = Executors.newCachedThreadPool(AgentThread.factory("tlslens-export"));

    SpanExporter adopt(SpanExporter exporter) {
        if (exporter instanceof OtlpHttpSpanExporter) {
            return ((OtlpHttpSpanExporter) exporter).toBuilder().setExecutorService(executor).build();
        }
        if (exporter instanceof OtlpGrpcSpanExporter) {
            return ((OtlpGrpcSpanExporter) exporter).toBuilder().setExecutorService(executor).build();
        }
        return exporter;
    }

    /** Stops the export threads, waiting at most {@code timeoutMillis} for them to end. */
    void shutdown(long timeoutMillis) {
        executor.shutdown();
        try {
            executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
