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
 * The server's certificate is issued by a root the client does not trust.
 */
public final class UnknownCaScenario extends SocketPairScenario {
    public UnknownCaScenario() {
        super("untrusted-unknown-ca", "server certificate issued by a CA the client does not trust",
                Expectation.failure(ErrorType.UNTRUSTED_CERTIFICATE, Side.CLIENT, SSLHandshakeException.class));
    }

    @Override
    protected Credential serverCredential(Pki pki) {
        return pki.unknownCaServer();
    }
}
