package io.tlslens.examples.scenario.failure;

import io.tlslens.examples.scenario.AlgorithmRestriction;
import io.tlslens.examples.scenario.ErrorType;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Params;
import io.tlslens.examples.scenario.Side;
import io.tlslens.examples.scenario.SocketPairScenario;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * Produces error.type {@code no_common_group}: TLS 1.3, the client offers only x25519, the server accepts
 * only secp384r1. Per socket, through {@link AlgorithmRestriction}: no JVM-wide property, no child JVM.
 * SunJSSE (17 to 21 at least) throws an SSLProtocolException here, which it answers with an
 * unexpected_message alert rather than handshake_failure: the alert alone does not tell the cause.
 */
public final class NoCommonGroupScenario extends SocketPairScenario {
    public NoCommonGroupScenario() {
        super("no-common-group", "TLS 1.3 client offers only the x25519 group, the server accepts only secp384r1",
                Expectation.failure(ErrorType.NO_COMMON_GROUP, Side.SERVER, SSLException.class));
    }

    @Override
    protected void configureServer(SSLSocket socket) {
        Params.edit(socket, parameters -> parameters.setAlgorithmConstraints(AlgorithmRestriction.groups("secp384r1")));
    }

    @Override
    protected void configureClient(SSLSocket socket) {
        Params.edit(socket, parameters -> {
            parameters.setProtocols(new String[] {"TLSv1.3"});
            parameters.setAlgorithmConstraints(AlgorithmRestriction.groups("x25519"));
        });
    }
}
