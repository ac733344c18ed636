package io.tlslens.examples.scenario.failure;

import io.tlslens.examples.pki.Credential;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.scenario.ErrorType;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Side;
import io.tlslens.examples.scenario.SocketPairScenario;
import javax.net.ssl.SSLHandshakeException;

/**
 * Produces error.type {@code hostname_mismatch}.
 * The client checks the host name (HTTPS endpoint identification) and the certificate names only wrong.example.
 */
public final class HostnameMismatchScenario extends SocketPairScenario {
    public HostnameMismatchScenario() {
        super("hostname-mismatch",
                "client connects to localhost with HTTPS endpoint identification; the certificate names only "
                        + Pki.WRONG_HOST,
                Expectation.failure(ErrorType.HOSTNAME_MISMATCH, Side.CLIENT, SSLHandshakeException.class));
    }

    @Override
    protected Credential serverCredential(Pki pki) {
        return pki.wrongHostServer();
    }
}
