package io.tlslens.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.tlslens.agent.record.Flights;
import io.tlslens.examples.pki.Pki;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

class CertificateFactsTest {

    private static final Pki PKI = Flights.pki();

    @Test
    void factsAreWhatTheCertificateSays() throws Exception {
        X509Certificate certificate = PKI.server().certificate();
        CertificateFacts facts = CertificateFacts.of(certificate);

        assertEquals(certificate.getSubjectX500Principal().getName(), facts.subject);
        assertEquals(certificate.getIssuerX500Principal().getName(), facts.issuer);
        assertEquals(certificate.getNotBefore().toInstant().toString(), facts.notBefore);
        assertEquals(certificate.getNotAfter().toInstant().toString(), facts.notAfter);
        assertEquals(certificate.getNotAfter().getTime(), facts.notAfterMillis);
        assertEquals(certificate.getSerialNumber().toString(16), facts.serial);
        assertEquals(SpanWriterTest.sha256(certificate), facts.sha256);
    }

    /**
     * The point of the cache: a chain seen in every handshake is described once, whichever object
     * carries it. The JDK's own factory hands out one object per encoding; Bouncy Castle's parses
     * anew each time, which makes the equal, distinct objects this needs.
     */
    @Test
    void theSameCertificateIsDescribedOnceEvenWhenParsedAgain() throws Exception {
        byte[] encoded = PKI.intermediate().certificate().getEncoded();
        CertificateFactory parser = CertificateFactory.getInstance("X.509", new BouncyCastleProvider());
        X509Certificate first = (X509Certificate) parser.generateCertificate(new ByteArrayInputStream(encoded));
        X509Certificate second = (X509Certificate) parser.generateCertificate(new ByteArrayInputStream(encoded));
        assertNotSame(first, second);

        CertificateFacts facts = CertificateFacts.of(first);
        assertSame(facts, CertificateFacts.of(first));
        assertSame(facts, CertificateFacts.of(second));
    }

    @Test
    void differentCertificatesHaveTheirOwnFacts() {
        CertificateFacts server = CertificateFacts.of(PKI.server().certificate());
        CertificateFacts client = CertificateFacts.of(PKI.client().certificate());
        assertNotSame(server, client);
        assertEquals(PKI.client().certificate().getSubjectX500Principal().getName(), client.subject);
    }
}
