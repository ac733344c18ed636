package io.tlslens.examples.scenario.failure;

import io.tlslens.examples.pki.Credential;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.scenario.ErrorType;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Side;
import io.tlslens.examples.scenario.SocketPairScenario;
import javax.net.ssl.SSLHandshakeException;

/** Produces error.type {@code certificate_expired}: the server's certificate expired a day ago. */
public final class ExpiredCertificateScenario extends SocketPairScenario {
    public ExpiredCertificateScenario() {
        super("certificate-expired", "server certificate expired yesterday",
                Expectation.failure(ErrorType.CERTIFICATE_EXPIRED, Side.CLIENT, SSLHandshakeException.class));
    }

    @Override
    protected Credential serverCredential(Pki pki) {
        return pki.expiredServer();
    }
}
