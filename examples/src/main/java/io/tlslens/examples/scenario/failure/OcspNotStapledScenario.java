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
import java.security.cert.PKIXRevocationChecker.Option;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;

/**
 * Produces error.type {@code untrusted_certificate}, the revocation status being unknown. The client
 * insists on an OCSP answer for the server's certificate (a PKIXRevocationChecker with ONLY_END_ENTITY
 * and NO_FALLBACK: OCSP only, no CRLs, no soft failure) and asks the server to staple one (the JDK
 * client's status_request, on by default). The server staples none (a JDK server does only with
 * {@code jdk.tls.server.enableStatusRequestExtension=true}), so the client asks the responder its
 * certificate names (authorityInfoAccess), which answers {@code tryLater}.
 */
public final class OcspNotStapledScenario extends SocketPairScenario {
    /** OCSP only, for the server's certificate only; an answer that cannot be had fails the check. */
    private static final Set<Option> OCSP_FOR_THE_SERVER = EnumSet.of(Option.ONLY_END_ENTITY, Option.NO_FALLBACK);

    public OcspNotStapledScenario() {
        super("ocsp-not-stapled",
                "the client requires OCSP status; the server staples none and the CA's responder answers tryLater",
                Expectation.failure(ErrorType.UNTRUSTED_CERTIFICATE, Side.CLIENT, SSLHandshakeException.class));
    }

    @Override
    public Outcome run(ScenarioContext context) throws Exception {
        Pki pki = context.pki(keyType());
        try (LoopbackHttpServer ca = new LoopbackHttpServer()) {
            String ocspPath = "ocsp";
            ca.publish(ocspPath, "application/ocsp-response", request -> Revocations.ocspTryLater());
            Credential unstapled = pki.intermediate().issue("unstapled-server",
                    Pki.serverProfile(Instant.now()).withOcspResponder(ca.url(ocspPath)), pki.keyType().generate());
            return connect(SslContexts.create(unstapled.keyManagers(), pki.trustManagers()),
                    SslContexts.create(null, pki.revocationCheckingTrustManagers(OCSP_FOR_THE_SERVER)));
        }
    }
}
