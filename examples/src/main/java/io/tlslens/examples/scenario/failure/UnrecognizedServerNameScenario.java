package io.tlslens.examples.scenario.failure;

import io.tlslens.examples.net.Loopback;
import io.tlslens.examples.scenario.ErrorType;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Params;
import io.tlslens.examples.scenario.Side;
import io.tlslens.examples.scenario.SocketPairScenario;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

/**
 * Produces error.type {@code unrecognized_name}.
 * The client sends SNI localhost, the server's SNIMatcher accepts only another name.
 */
public final class UnrecognizedServerNameScenario extends SocketPairScenario {
    private static final String SERVED = "api.example";

    public UnrecognizedServerNameScenario() {
        super("unrecognized-sni", "client sends SNI localhost; the server's SNIMatcher accepts only " + SERVED,
                Expectation.failure(ErrorType.UNRECOGNIZED_NAME, Side.SERVER, SSLHandshakeException.class));
    }

    @Override
    protected void configureServer(SSLSocket socket) {
        Params.edit(socket, parameters -> parameters.setSNIMatchers(List.of(SNIHostName.createSNIMatcher(SERVED))));
    }

    @Override
    protected void configureClient(SSLSocket socket) {
        Params.edit(socket, parameters -> parameters.setServerNames(List.of(new SNIHostName(Loopback.HOST))));
    }
}
