package io.tlslens.examples.scenario.failure;

import io.tlslens.examples.scenario.ErrorType;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Params;
import io.tlslens.examples.scenario.Side;
import io.tlslens.examples.scenario.SocketPairScenario;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

/**
 * Produces error.type {@code no_common_application_protocol}: the server requires ALPN "grpc-exp", the
 * client offers h2 and http/1.1; the server's selector returns null, which JSSE turns into a
 * no_application_protocol alert.
 */
public final class NoCommonApplicationProtocolScenario extends SocketPairScenario {
    private static final String REQUIRED = "grpc-exp";

    public NoCommonApplicationProtocolScenario() {
        super("no-common-alpn",
                "client offers ALPN [h2, http/1.1]; the server's selector accepts only " + REQUIRED
                        + " and returns null",
                Expectation.failure(ErrorType.NO_COMMON_APPLICATION_PROTOCOL, Side.SERVER,
                        SSLHandshakeException.class));
    }

    @Override
    protected void configureServer(SSLSocket socket) {
        socket.setHandshakeApplicationProtocolSelector(
                (ignored, offered) -> offered.contains(REQUIRED) ? REQUIRED : null);
    }

    @Override
    protected void configureClient(SSLSocket socket) {
        Params.edit(socket, parameters -> parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"}));
    }
}
