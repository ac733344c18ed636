package io.tlslens.examples.scenario.failure;

import io.tlslens.examples.pki.Credential;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.scenario.ErrorType;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Side;
import io.tlslens.examples.scenario.SocketPairScenario;
import javax.net.ssl.SSLHandshakeException;

/**
 * Produces error.type {@code untrusted_certificate}.
 * The server omits its intermediate, so the client cannot build a path to its trusted root.
 */
public final class MissingIntermediateScenario extends SocketPairScenario {
    public MissingIntermediateScenario() {
        super("untrusted-missing-intermediate",
                "server sends its certificate without the intermediate CA; the client trusts only the root",
                Expectation.failure(ErrorType.UNTRUSTED_CERTIFICATE, Side.CLIENT, SSLHandshakeException.class));
    }

    @Override
    protected Credential serverCredential(Pki pki) {
        return pki.serverWithoutIntermediate();
    }
}
