package io.tlslens.agent.export;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.tlslens.agent.diagnosis.Diagnoser;
import io.tlslens.agent.record.EpochClock;
import io.tlslens.agent.record.HandshakeRecord;
import io.tlslens.agent.record.HandshakeSummary;
import java.util.List;

/**
 * Runs records through a {@link SpanWriter} on a real SDK, diagnosed as {@link HandshakeExporter} does, and
 * hands back the exported span.
 */
final class Spans {

    final EpochClock clock = new EpochClock();
    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider =
            SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final SpanWriter writer = new SpanWriter(provider.get("io.tlslens.test"), clock);

    SpanData write(HandshakeRecord record) {
        exporter.reset();
        HandshakeSummary summary = HandshakeSummary.of(record);
        writer.write(summary, record.established() ? null : Diagnoser.diagnose(summary));
        List<SpanData> spans = exporter.getFinishedSpanItems();
        if (spans.size() != 1) {
            throw new AssertionError("one span per record, got " + spans);
        }
        return spans.get(0);
    }
}
