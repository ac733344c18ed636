package io.tlslens.examples.scenario.failure;

import io.tlslens.examples.pki.Credential;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.scenario.ErrorType;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Side;
import io.tlslens.examples.scenario.SocketPairScenario;
import javax.net.ssl.SSLHandshakeException;

/** Produces error.type {@code untrusted_certificate}: the server's certificate is self-signed. */
public final class SelfSignedScenario extends SocketPairScenario {
    public SelfSignedScenario() {
        super("untrusted-self-signed", "server certificate is self-signed",
                Expectation.failure(ErrorType.UNTRUSTED_CERTIFICATE, Side.CLIENT, SSLHandshakeException.class));
    }

    @Override
    protected Credential serverCredential(Pki pki) {
        return pki.selfSignedServer();
    }
}
