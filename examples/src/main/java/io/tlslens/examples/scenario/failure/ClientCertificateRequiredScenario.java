package io.tlslens.examples.scenario.failure;

import io.tlslens.examples.scenario.ErrorType;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Side;
import io.tlslens.examples.scenario.SocketPairScenario;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

/**
 * Produces error.type {@code client_certificate_required}: the server needs client auth and the client has
 * no certificate to send. Over TLS 1.3 the client's own handshake completes first; it learns of the
 * rejection from the alert it reads afterwards.
 */
public final class ClientCertificateRequiredScenario extends SocketPairScenario {
    public ClientCertificateRequiredScenario() {
        super("client-certificate-required", "server needs client auth; the client has no certificate",
                Expectation.failure(ErrorType.CLIENT_CERTIFICATE_REQUIRED, Side.SERVER,
                        SSLHandshakeException.class));
    }

    @Override
    protected void configureServer(SSLSocket socket) {
        socket.setNeedClientAuth(true);
    }
}
