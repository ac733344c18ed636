package io.tlslens.examples.scenario.failure;

import io.tlslens.examples.scenario.ErrorType;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Params;
import io.tlslens.examples.scenario.Side;
import io.tlslens.examples.scenario.SocketPairScenario;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

/** Produces error.type {@code protocol_version_mismatch}: the client speaks only TLS 1.3, the server only 1.2. */
public final class ProtocolVersionMismatchScenario extends SocketPairScenario {
    public ProtocolVersionMismatchScenario() {
        super("protocol-version-mismatch", "client enables only TLSv1.3, the server only TLSv1.2",
                Expectation.failure(ErrorType.PROTOCOL_VERSION_MISMATCH, Side.SERVER, SSLHandshakeException.class));
    }

    @Override
    protected void configureServer(SSLSocket socket) {
        Params.edit(socket, Params.protocols("TLSv1.2"));
    }

    @Override
    protected void configureClient(SSLSocket socket) {
        Params.edit(socket, Params.protocols("TLSv1.3"));
    }
}
