package io.tlslens.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.tlslens.agent.record.Flights;
import io.tlslens.agent.record.Role;
import io.tlslens.examples.pki.Pki;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CertificateInventoryTest {

    private static final Pki PKI = Flights.pki();

    private final CertificateInventory inventory = new CertificateInventory();

    @Test
    void oneSeriesPerCertificateAndTheWayItWasSeen() throws Exception {
        List<X509Certificate> chain = PKI.server().chain();
        List<X509Certificate> chainParsedAgain = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            chainParsedAgain.add((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate.getEncoded())));
        }

        inventory.saw(Role.CLIENT, List.of(), chain);
        inventory.saw(Role.CLIENT, List.of(), chainParsedAgain); // the next handshake's copy: the same series
        inventory.saw(Role.SERVER, chain, List.of());            // the same chain as this JVM's own: new series

        Map<Attributes, Double> series = observe();
        assertEquals(2 * chain.size(), series.size(), series.keySet().toString());
        X509Certificate leaf = chain.get(0);
        Attributes peerLeaf = Attributes.builder()
                .put(CertificateInventory.SUBJECT, leaf.getSubjectX500Principal().getName())
                .put(CertificateInventory.ISSUER, leaf.getIssuerX500Principal().getName())
                .put(CertificateInventory.SERIAL, leaf.getSerialNumber().toString(16))
                .put(CertificateInventory.SHA256, SpanWriterTest.sha256(leaf))
                .put(TlsAttributes.ROLE, "client")
                .put(CertificateInventory.SOURCE, "peer")
                .build();
        double secondsLeft = series.get(peerLeaf);
        double expected = (leaf.getNotAfter().getTime() - System.currentTimeMillis()) / 1000.0;
        assertEquals(expected, secondsLeft, 600, "seconds until notAfter");
    }

    @Test
    void soonestExpiringNamesEachCertificateOncePerSource() {
        inventory.saw(Role.CLIENT, List.of(), PKI.server().chain());
        inventory.saw(Role.CLIENT, List.of(), PKI.server().chain());
        List<String> soonest = inventory.soonestExpiring(10);
        assertEquals(PKI.server().chain().size(), soonest.size(), soonest.toString());
    }

    private Map<Attributes, Double> observe() {
        Map<Attributes, Double> series = new HashMap<>();
        inventory.observe(new ObservableDoubleMeasurement() {
            @Override
            public void record(double value) {
                throw new AssertionError("every point has its series' attributes");
            }

            @Override
            public void record(double value, Attributes attributes) {
                series.put(attributes, value);
            }
        });
        return series;
    }
}
