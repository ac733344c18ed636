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
import java.util.Objects;
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

    private final Map<Series, Entry> entries = new ConcurrentHashMap<>();

    /** Records the chains of one handshake; {@code role} is the side this JVM played in it. */
    void saw(Role role, List<X509Certificate> localChain, List<X509Certificate> peerChain) {
        long now = System.nanoTime();
        add(role, "local", localChain, now);
        add(role, "peer", peerChain, now);
    }

    private void add(Role role, String source, List<X509Certificate> chain, long now) {
        for (X509Certificate certificate : chain) {
            Series series = new Series(CertificateFacts.of(certificate), role, source);
            Entry entry = entries.get(series);
            if (entry != null) {
                entry.lastSeenNanos = now;
            } else if (entries.size() < CAPACITY) {
                entries.put(series, new Entry(series, now));
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
        entries.forEach((series, entry) ->
                measurement.record((series.facts.notAfterMillis - nowMillis) / 1000.0, entry.attributes));
    }

    /** The {@code limit} certificates that expire first, as "subject (seconds left)". */
    List<String> soonestExpiring(int limit) {
        long nowMillis = System.currentTimeMillis();
        return entries.keySet().stream()
                .sorted(Comparator.comparingLong(series -> series.facts.notAfterMillis))
                .map(series -> series.facts.subject + " (" + series.source + "): "
                        + timeLeft(series.facts.notAfterMillis - nowMillis))
                .distinct()
                .limit(limit)
                .collect(Collectors.toList());
    }

    private static String timeLeft(long millis) {
        long days = Duration.ofMillis(Math.abs(millis)).toDays();
        return millis >= 0 ? days + " days left" : "expired " + (days == 0 ? "today" : days + " days ago");
    }

    /**
     * One series: a certificate and the way it was seen. Equal when the attributes would be: the
     * strings compared are those {@link CertificateFacts} made once, so they are usually the same
     * objects.
     */
    private static final class Series {
        final CertificateFacts facts;
        final Role role;
        final String source;

        Series(CertificateFacts facts, Role role, String source) {
            this.facts = facts;
            this.role = role;
            this.source = source;
        }

        Attributes attributes() {
            return Attributes.builder()
                    .put(SUBJECT, facts.subject)
                    .put(ISSUER, facts.issuer)
                    .put(SERIAL, facts.serial)
                    .put(SHA256, facts.sha256 == null ? "" : facts.sha256)
                    .put(TlsAttributes.ROLE, role.attributeValue())
                    .put(SOURCE, source)
                    .build();
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Series)) {
                return false;
            }
            Series that = (Series) other;
            return role == that.role && source.equals(that.source) && (facts == that.facts
                    || facts.subject.equals(that.facts.subject) && facts.issuer.equals(that.facts.issuer)
                    && facts.serial.equals(that.facts.serial) && Objects.equals(facts.sha256, that.facts.sha256));
        }

        @Override
        public int hashCode() {
            return Objects.hash(facts.sha256, facts.serial, role, source);
        }
    }

    private static final class Entry {
        /** Built once, when the series is first seen. */
        final Attributes attributes;
        volatile long lastSeenNanos;

        Entry(Series series, long lastSeenNanos) {
            this.attributes = series.attributes();
            this.lastSeenNanos = lastSeenNanos;
        }
    }
}
