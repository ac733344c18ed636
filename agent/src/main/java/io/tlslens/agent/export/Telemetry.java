package io.tlslens.agent.export;

import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.tlslens.agent.config.AgentConfig;
import io.tlslens.agent.record.EpochClock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * TLSLens's own OpenTelemetry SDK, set up by the SDK's autoconfiguration from the standard
 * {@code OTEL_*} variables and {@code otel.*} properties. It is never made global: the
 * application's OpenTelemetry, if it has one, is left alone.
 */
public final class Telemetry {

    private static final String SCOPE = "io.tlslens";
    /** Settings that mean "send spans somewhere": without any of them, handshakes go to the console. */
    private static final List<String> EXPORT_SETTINGS = List.of(
            "otel.traces.exporter", "otel.exporter.otlp.endpoint", "otel.exporter.otlp.traces.endpoint");

    private final OpenTelemetrySdk sdk;
    private final ExportThreads exportThreads;
    private final boolean console;
    private final AtomicLong spansExported;

    private Telemetry(OpenTelemetrySdk sdk, ExportThreads exportThreads, boolean console, AtomicLong spansExported) {
        this.sdk = sdk;
        this.exportThreads = exportThreads;
        this.console = console;
        this.spansExported = spansExported;
    }

    public static Telemetry start(AgentConfig config) {
        boolean console = config.console() == AgentConfig.Console.ON
                || (config.console() == AgentConfig.Console.AUTO && !exportConfigured());
        Map<String, String> defaults = new HashMap<>();
        defaults.put("otel.logs.exporter", "none");
        // The OTLP specification's default, as OpenTelemetry's Java agent has it too; the bare SDK still defaults to grpc.
        defaults.put("otel.exporter.otlp.protocol", "http/protobuf");
        if (!exportConfigured()) {
            defaults.put("otel.traces.exporter", "none");
            defaults.put("otel.metrics.exporter", "none");
        }
        ExportThreads exportThreads = new ExportThreads();
        AtomicLong spansExported = new AtomicLong();
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> defaults)
                .addSpanExporterCustomizer((exporter, properties) ->
                        new CountingSpanExporter(exportThreads.adopt(exporter), spansExported))
                .addTracerProviderCustomizer((tracerProvider, properties) -> console
                        ? tracerProvider.addSpanProcessor(SimpleSpanProcessor.create(new LadderExporter(System.err)))
                        : tracerProvider)
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
        return new Telemetry(sdk, exportThreads, console, spansExported);
    }

    private static boolean exportConfigured() {
        for (String property : EXPORT_SETTINGS) {
            String variable = property.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
            if (System.getProperty(property) != null || System.getenv(variable) != null) {
                return true;
            }
        }
        return false;
    }

    /** Where finished handshakes go: spans, metrics, and on the console its periodic summary. */
    public HandshakeExporter handshakeExporter(String version, EpochClock clock) {
        Tracer tracer = sdk.getTracerProvider().tracerBuilder(SCOPE).setInstrumentationVersion(version).build();
        Meter meter = sdk.getMeterProvider().meterBuilder(SCOPE).setInstrumentationVersion(version).build();
        return new HandshakeExporter(tracer, meter, clock, console ? System.err : null);
    }

    public boolean console() {
        return console;
    }

    /** Spans the configured exporters (OTLP, ...) accepted; the console's ladders are not counted. */
    public long spansExported() {
        return spansExported.get();
    }

    /** Flushes what is pending and stops the exporters, waiting at most {@code timeoutMillis}. */
    public void shutdown(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        sdk.shutdown().join(timeoutMillis, TimeUnit.MILLISECONDS);
        exportThreads.shutdown(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    }
}
