package io.tlslens.examples.scenario.failure;

import io.tlslens.examples.net.LoopbackHttpServer;
import io.tlslens.examples.pki.Credential;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.pki.Revocations;
import io.tlslens.examples.pki.SslContexts;
import io.tlslens.examples.scenario.ErrorType;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Outcome;
import io.tlslens.examples.scenario.ScenarioContext;
import io.tlslens.examples.scenario.Side;
import io.tlslens.examples.scenario.SocketPairScenario;
import java.security.cert.CRLReason;
import java.security.cert.PKIXRevocationChecker.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;

/**
 * Produces error.type {@code certificate_revoked}. The server's certificate names where its CA publishes
 * its CRL (cRLDistributionPoints: a URL this scenario serves over HTTP on loopback), and that CRL lists
 * it: revoked an hour ago, key compromise. The client checks the revocation of the server's certificate,
 * from CRLs only, as a PKIXRevocationChecker set up by the application does (no system property needed).
 */
public final class RevokedCertificateScenario extends SocketPairScenario {
    /** CRLs only, for the server's certificate only; a CRL that cannot be had fails the check. */
    private static final Set<Option> CRLS_FOR_THE_SERVER =
            EnumSet.of(Option.ONLY_END_ENTITY, Option.PREFER_CRLS, Option.NO_FALLBACK);

    /** When the CA revoked the certificate, before the handshake. */
    public static final Duration REVOKED_AGO = Duration.ofHours(1);

    public RevokedCertificateScenario() {
        super("certificate-revoked",
                "the server's certificate is on its CA's CRL (fetched over HTTP); the client checks revocation",
                Expectation.failure(ErrorType.CERTIFICATE_REVOKED, Side.CLIENT, SSLHandshakeException.class));
    }

    @Override
    public Outcome run(ScenarioContext context) throws Exception {
        Pki pki = context.pki(keyType());
        Instant now = Instant.now();
        try (LoopbackHttpServer ca = new LoopbackHttpServer()) {
            String crlPath = "intermediate-ca.crl";
            Credential revoked = pki.intermediate().issue("revoked-server",
                    Pki.serverProfile(now).withCrlDistributionPoint(ca.url(crlPath)), pki.keyType().generate());
            byte[] crl = Revocations.none(pki.intermediate())
                    .revoke(revoked.certificate(), now.minus(REVOKED_AGO), CRLReason.KEY_COMPROMISE)
                    .crl(now);
            ca.publish(crlPath, "application/pkix-crl", request -> crl);
            return connect(SslContexts.create(revoked.keyManagers(), pki.trustManagers()),
                    SslContexts.create(null, pki.revocationCheckingTrustManagers(CRLS_FOR_THE_SERVER)));
        }
    }
}
