package io.tlslens.agent.export;

import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import io.tlslens.agent.diagnosis.Diagnoser;
import io.tlslens.agent.diagnosis.Diagnosis;
import io.tlslens.agent.record.EpochClock;
import io.tlslens.agent.record.HandshakeRecord;
import io.tlslens.agent.record.HandshakeSummary;
import io.tlslens.agent.reference.DecisionDiagnosis;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Where every finished {@link HandshakeRecord} goes: read once, diagnosed once, then written as a
 * span and counted in the metrics. Runs on the recorder thread.
 */
public final class HandshakeExporter implements Consumer<HandshakeRecord> {

    private static final long SUMMARY_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final SpanWriter spans;
    private final HandshakeMetrics metrics;
    private final PrintStream console;
    private long nextSummary = System.nanoTime() + SUMMARY_INTERVAL_NANOS;

    /** @param console where the periodic summary goes, or {@code null} for none */
    public HandshakeExporter(Tracer tracer, Meter meter, EpochClock clock, PrintStream console) {
        this.spans = new SpanWriter(tracer, clock);
        this.metrics = new HandshakeMetrics(meter);
        this.console = console;
    }

    @Override
    public void accept(HandshakeRecord record) {
        HandshakeSummary summary = HandshakeSummary.of(record);
        Diagnosis diagnosis = record.established() ? null : diagnose(summary);
        spans.write(summary, diagnosis);
        if (!record.isPostHandshake()) {
            metrics.record(summary, diagnosis);
        }
        if (console != null && System.nanoTime() - nextSummary >= 0) {
            printSummary();
            nextSummary = System.nanoTime() + SUMMARY_INTERVAL_NANOS;
        }
    }

    /**
     * A reference-stack handshake that failed on one of the stack's own decisions says exactly why;
     * any other failure is diagnosed from what was seen.
     */
    private static Diagnosis diagnose(HandshakeSummary summary) {
        Diagnosis fromDecision = DecisionDiagnosis.of(summary.record());
        return fromDecision != null ? fromDecision : Diagnoser.diagnose(summary);
    }

    /** Prints the console summary now (at shutdown, and every ten minutes while handshakes happen). */
    public void printSummary() {
        if (console != null) {
            console.print(metrics.summary());
            console.flush();
        }
    }
}
