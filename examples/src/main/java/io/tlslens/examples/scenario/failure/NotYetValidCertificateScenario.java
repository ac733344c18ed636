package io.tlslens.examples.scenario.failure;

import io.tlslens.examples.pki.Credential;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.scenario.ErrorType;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Side;
import io.tlslens.examples.scenario.SocketPairScenario;
import javax.net.ssl.SSLHandshakeException;

/** Produces error.type {@code certificate_not_yet_valid}: the server's certificate is valid only from tomorrow. */
public final class NotYetValidCertificateScenario extends SocketPairScenario {
    public NotYetValidCertificateScenario() {
        super("certificate-not-yet-valid", "server certificate becomes valid tomorrow",
                Expectation.failure(ErrorType.CERTIFICATE_NOT_YET_VALID, Side.CLIENT, SSLHandshakeException.class));
    }

    @Override
    protected Credential serverCredential(Pki pki) {
        return pki.notYetValidServer();
    }
}
