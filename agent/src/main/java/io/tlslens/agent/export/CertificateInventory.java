package io.tlslens.agent.export;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.tlslens.agent.AgentLog;
import io.tlslens.agent.record.Role;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every certificate this JVM used or was shown, for the {@code tlslens.certificate.time_left}
 * gauge: one series per certificate and the way it was seen. Entries not seen again within
 * {@link #TTL} age out, and the number of series is capped, so that the gauge's cardinality stays
 * bounded in a service that talks to many peers.
 */
final class CertificateInventory {

    static final Duration TTL = Duration.ofHours(24);
    static final int CAPACITY = 1000;

    static final AttributeKey<String> SUBJECT = AttributeKey.stringKey("tlslens.certificate.subject");
    static final AttributeKey<String> ISSUER = AttributeKey.stringKey("tlslens.certificate.issuer");
    static final AttributeKey<String> SERIAL = AttributeKey.stringKey("tlslens.certificate.serial");
    static final AttributeKey<String> SHA256 = AttributeKey.stringKey("tlslens.certificate.hash.sha256");
    static final AttributeKey<String> SOURCE = AttributeKey.stringKey("tlslens.certificate.source");

    private final Map<Attributes, Entry> entries = new ConcurrentHashMap<>();

    /** Records the chains of one handshake; {@code role} is the side this JVM played in it. */
    void saw(Role role, List<X509Certificate> localChain, List<X509Certificate> peerChain) {
        long now = System.nanoTime();
        add(role, "local", localChain, now);
        add(role, "peer", peerChain, now);
    }

    private void add(Role role, String source, List<X509Certificate> chain, long now) {
        for (X509Certificate certificate : chain) {
            String fingerprint = Fingerprints.sha256(certificate);
            Attributes series = Attributes.builder()
                    .put(SUBJECT, certificate.getSubjectX500Principal().getName())
                    .put(ISSUER, certificate.getIssuerX500Principal().getName())
                    .put(SERIAL, certificate.getSerialNumber().toString(16))
                    .put(SHA256, fingerprint == null ? "" : fingerprint)
                    .put(TlsAttributes.ROLE, role.attributeValue())
                    .put(SOURCE, source)
                    .build();
            Entry entry = entries.get(series);
            if (entry != null) {
                entry.lastSeenNanos = now;
            } else if (entries.size() < CAPACITY) {
                entries.put(series, new Entry(certificate.getNotAfter().getTime(), now));
            } else {
                AgentLog.warnOnce("certificate inventory full", "more than " + CAPACITY + " distinct certificates seen; "
                        + "tlslens.certificate.time_left leaves out the rest");
            }
        }
    }

    /** The gauge's callback: seconds left per certificate, negative once expired. */
    void observe(ObservableDoubleMeasurement measurement) {
        long nowMillis = System.currentTimeMillis();
        long oldest = System.nanoTime() - TTL.toNanos();
        entries.entrySet().removeIf(e -> e.getValue().lastSeenNanos - oldest < 0);
        entries.forEach((series, entry) -> measurement.record((entry.notAfterMillis - nowMillis) / 1000.0, series));
    }

    /** The {@code limit} certificates that expire first, as "subject (seconds left)". */
    List<String> soonestExpiring(int limit) {
        long nowMillis = System.currentTimeMillis();
        return entries.entrySet().stream()
                .sorted(Comparator.comparingLong(e -> e.getValue().notAfterMillis))
                .map(e -> e.getKey().get(SUBJECT) + " (" + e.getKey().get(SOURCE) + "): "
                        + timeLeft(e.getValue().notAfterMillis - nowMillis))
                .distinct()
                .limit(limit)
                .collect(Collectors.toList());
    }

    private static String timeLeft(long millis) {
        long days = Duration.ofMillis(Math.abs(millis)).toDays();
        return millis >= 0 ? days + " days left" : "expired " + (days == 0 ? "today" : days + " days ago");
    }

    private static final class Entry {
        final long notAfterMillis;
        volatile long lastSeenNanos;

        Entry(long notAfterMillis, long lastSeenNanos) {
            this.notAfterMillis = notAfterMillis;
            this.lastSeenNanos = lastSeenNanos;
        }
    }
}
