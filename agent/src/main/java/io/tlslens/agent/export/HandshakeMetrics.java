package io.tlslens.agent.export;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.tlslens.agent.diagnosis.Diagnosis;
import io.tlslens.agent.record.HandshakeRecord;
import io.tlslens.agent.record.HandshakeSummary;
import io.tlslens.agent.record.Role;
import io.tlslens.wire.CipherSuite;
import io.tlslens.wire.ProtocolVersion;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The aggregate view: how long handshakes take and how they fail ({@code tlslens.handshake.duration}),
 * and how long every certificate in use has left ({@code tlslens.certificate.time_left}).
 */
final class HandshakeMetrics {

    /** From a resumed loopback handshake (well under a millisecond) to a stuck one (tens of seconds). */
    static final List<Double> DURATION_BUCKETS = List.of(
            0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0);

    private final DoubleHistogram duration;
    private final CertificateInventory certificates = new CertificateInventory();
    private final LongAdder handshakes = new LongAdder();
    private final Map<String, LongAdder> failures = new TreeMap<>();

    HandshakeMetrics(Meter meter) {
        duration = meter.histogramBuilder("tlslens.handshake.duration")
                .setUnit("s")
                .setDescription("Duration of TLS handshakes, from the first message to completion or failure.")
                .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
                .build();
        meter.gaugeBuilder("tlslens.certificate.time_left")
                .setUnit("s")
                .setDescription("Time until the certificate's notAfter; negative once it has expired.")
                .buildWithCallback(certificates::observe);
    }

    /** One data point per handshake, successful or not. */
    void record(HandshakeSummary summary, Diagnosis diagnosis) {
        HandshakeRecord record = summary.record();
        AttributesBuilder attributes = Attributes.builder().put(TlsAttributes.STACK, record.stack());
        if (record.role() != null) {
            attributes.put(TlsAttributes.ROLE, record.role().attributeValue());
        }
        summary.version().ifPresent(version ->
                attributes.put(TlsAttributes.PROTOCOL_VERSION, ProtocolVersion.shortVersion(version)));
        summary.cipherSuite().ifPresent(suite -> attributes.put(TlsAttributes.CIPHER, CipherSuite.name(suite)));
        if (diagnosis != null) {
            attributes.put(TlsAttributes.ERROR_TYPE, diagnosis.errorType());
        }
        duration.record((record.endNanos() - record.startNanos()) / 1e9, attributes.build());

        if (record.role() != null) {
            boolean client = record.role() == Role.CLIENT;
            certificates.saw(record.role(), client ? summary.clientChain() : summary.serverChain(),
                    client ? summary.serverChain() : summary.clientChain());
        }
        handshakes.increment();
        if (diagnosis != null) {
            synchronized (failures) {
                failures.computeIfAbsent(diagnosis.errorType(), type -> new LongAdder()).increment();
            }
        }
    }

    /** A few lines for the console: handshakes, failures by cause, the certificates that expire first. */
    String summary() {
        StringBuilder out = new StringBuilder("TLSLens summary: ").append(handshakes.sum()).append(" handshakes");
        synchronized (failures) {
            long failed = failures.values().stream().mapToLong(LongAdder::sum).sum();
            out.append(", ").append(failed).append(" failed\n");
            if (failed > 0) {
                StringBuilder causes = new StringBuilder();
                failures.forEach((type, count) -> causes.append(causes.length() == 0 ? "" : ", ")
                        .append(type).append(' ').append(count.sum()));
                out.append(Ladder.wrap("  failures: ", causes.toString()));
            }
        }
        List<String> expiring = certificates.soonestExpiring(3);
        if (!expiring.isEmpty()) {
            out.append("  soonest-expiring certificates:\n");
            for (String certificate : expiring) {
                out.append(Ladder.wrap("    ", certificate));
            }
        }
        return out.toString();
    }
}
