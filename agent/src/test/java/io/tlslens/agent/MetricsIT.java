package io.tlslens.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.tlslens.agent.testing.ChildJvm;
import io.tlslens.agent.testing.Jdks;
import io.tlslens.agent.testing.OtlpHttpReceiver;
import io.tlslens.examples.Gallery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The metrics reach a real OTLP receiver through the same configuration as the spans: the
 * handshake duration histogram (successes and failures alike) and the time left on every
 * certificate seen, negative for an expired one.
 */
class MetricsIT {

    @Test
    void handshakeDurationsAndCertificateTimeLeft(TestInfo testInfo) {
        try (OtlpHttpReceiver receiver = OtlpHttpReceiver.start();
                ChildJvm app = ChildJvm.builder(testInfo).jdk(Jdks.current())
                        .env(receiver.exporterEnvironment())
                        .mainClass(Gallery.class).args("tls13-socket", "certificate-expired")
                        .start()) {
            assertEquals(0, app.awaitExit(Duration.ofSeconds(60)), app::describe);
            // The SDK's last collection at shutdown has both instruments.
            app.withOutputOnFailure(() -> receiver.awaitMetrics(
                    metric -> metric.getName().equals("tlslens.certificate.time_left"), 1, Duration.ofSeconds(15)));

            List<HistogramDataPoint> durations = points(receiver.metrics(), "tlslens.handshake.duration").stream()
                    .flatMap(metric -> metric.getHistogram().getDataPointsList().stream())
                    .collect(Collectors.toList());
            Metric durationMetric = points(receiver.metrics(), "tlslens.handshake.duration").get(0);
            assertEquals("s", durationMetric.getUnit());
            HistogramDataPoint ok = durations.stream()
                    .filter(point -> attributes(point.getAttributesList()).get("error.type") == null
                            && "client".equals(attributes(point.getAttributesList()).get("tlslens.role")))
                    .findFirst().orElseThrow(() -> new AssertionError("no successful client handshake: " + durations));
            Map<String, String> okAttributes = attributes(ok.getAttributesList());
            assertEquals("1.3", okAttributes.get("tls.protocol.version"));
            assertEquals("jsse", okAttributes.get("tlslens.stack"));
            assertTrue(okAttributes.get("tls.cipher").startsWith("TLS_"), okAttributes::toString);
            assertTrue(ok.getCount() >= 1);
            assertTrue(ok.getExplicitBoundsList().contains(0.001) && ok.getExplicitBoundsList().contains(30.0),
                    ok.getExplicitBoundsList()::toString);
            assertTrue(durations.stream().anyMatch(point ->
                    "certificate_expired".equals(attributes(point.getAttributesList()).get("error.type"))),
                    durations::toString);

            List<NumberDataPoint> timeLeft = points(receiver.metrics(), "tlslens.certificate.time_left").stream()
                    .flatMap(metric -> metric.getGauge().getDataPointsList().stream())
                    .collect(Collectors.toList());
            assertTrue(timeLeft.stream().anyMatch(point -> point.getAsDouble() < 0
                    && "peer".equals(attributes(point.getAttributesList()).get("tlslens.certificate.source"))
                    && "client".equals(attributes(point.getAttributesList()).get("tlslens.role"))),
                    () -> "no expired peer certificate: " + timeLeft);
            assertTrue(timeLeft.stream().anyMatch(point -> point.getAsDouble() > 86_400
                    && "local".equals(attributes(point.getAttributesList()).get("tlslens.certificate.source"))
                    && "server".equals(attributes(point.getAttributesList()).get("tlslens.role"))),
                    () -> "no valid local server certificate: " + timeLeft);
            for (NumberDataPoint point : timeLeft) {
                Map<String, String> series = attributes(point.getAttributesList());
                assertTrue(series.get("tlslens.certificate.hash.sha256").matches("[0-9A-F]{64}"), series::toString);
                assertTrue(series.get("tlslens.certificate.subject").contains("CN="), series::toString);
            }
        }
    }

    private static List<Metric> points(List<Metric> metrics, String name) {
        List<Metric> named = metrics.stream().filter(metric -> metric.getName().equals(name))
                .collect(Collectors.toList());
        assertTrue(!named.isEmpty(), () -> "no metric " + name + " among "
                + metrics.stream().map(Metric::getName).distinct().collect(Collectors.toList()));
        return named;
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, kv -> kv.getValue().getStringValue()));
    }
}
