package io.tlslens.stack.handshake;

import io.tlslens.observe.Decision;
import io.tlslens.observe.HandshakeObserver;
import io.tlslens.stack.CertificateAlerts;
import io.tlslens.stack.PeerVerifier;
import io.tlslens.stack.TlsAlertException;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.Certificate;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The peer's certificate chain, the same in TLS 1.2 and TLS 1.3: decoded from its Certificate
 * message, then put to the {@link PeerVerifier}, timed for the observer and recorded as a decision.
 */
public final class PeerChain {
    private final PeerVerifier verifier;
    private final HandshakeState view;
    private final HandshakeObserver observer;

    public PeerChain(PeerVerifier verifier, HandshakeState view, HandshakeObserver observer) {
        this.verifier = verifier;
        this.view = view;
        this.observer = observer;
    }

    /** The peer's chain as X.509 certificates; bad_certificate when one does not parse. */
    public static List<X509Certificate> parse(Certificate message) throws TlsAlertException {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Certificate.Entry entry : message.entries()) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(entry.data())));
            }
        } catch (CertificateException e) {
            throw new TlsAlertException(AlertDescription.bad_certificate, "peer certificate does not parse: " + e.getMessage(), e);
        }
        return chain;
    }

    /**
     * Runs the trust decision on the peer's chain, timed for the observer, and records the chain in
     * the view; the alert for a rejected chain is the most specific its exception supports.
     */
    public void verify(List<X509Certificate> chain, String authType, String subjectName) throws TlsAlertException {
        view.peerCertificates(chain);
        long start = System.nanoTime();
        try {
            verifier.verify(chain, authType, view);
        } catch (CertificateException e) {
            observer.peerCertificatesChecked(System.nanoTime() - start);
            observer.decision(Decision.none(Decision.Subjects.CERTIFICATE, subjectName + " chain rejected: " + e.getMessage(),
                    Map.of(subjectName + ".chain", subjects(chain))));
            throw new TlsAlertException(CertificateAlerts.forRejected(e), subjectName + " certificate chain rejected: " + e.getMessage(), e);
        }
        observer.peerCertificatesChecked(System.nanoTime() - start);
        observer.decision(Decision.chose(Decision.Subjects.CERTIFICATE, chain.get(0).getSubjectX500Principal().getName(),
                subjectName + " chain trusted by the peer verifier", Map.of(subjectName + ".chain", subjects(chain))));
    }

    private static List<String> subjects(List<X509Certificate> chain) {
        return chain.stream().map(c -> c.getSubjectX500Principal().getName()).collect(Collectors.toList());
    }
}
