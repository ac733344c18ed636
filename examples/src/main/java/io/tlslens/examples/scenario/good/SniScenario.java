package io.tlslens.examples.scenario.good;

import io.tlslens.examples.net.Loopback;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Negotiated;
import io.tlslens.examples.scenario.Params;
import io.tlslens.examples.scenario.SocketPairScenario;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLSocket;

/**
 * Produces no error.type: SNI, the client sends server_name "localhost" (JSSE sends none by itself for
 * a dotless name) and the server's SNIMatcher accepts it.
 */
public final class SniScenario extends SocketPairScenario {
    public SniScenario() {
        super("sni-sent", "client sends SNI localhost; the server's SNIMatcher accepts it", Expectation.success());
    }

    @Override
    protected void configureServer(SSLSocket socket) {
        Params.edit(socket, parameters -> parameters.setSNIMatchers(
                List.of(SNIHostName.createSNIMatcher(Loopback.HOST))));
    }

    @Override
    protected void configureClient(SSLSocket socket) {
        Params.edit(socket, parameters -> parameters.setServerNames(List.of(new SNIHostName(Loopback.HOST))));
    }

    @Override
    protected String unmet(List<Negotiated> client, List<Negotiated> server) {
        List<String> received = server.get(0).requestedServerNames();
        return received.equals(List.of(Loopback.HOST)) ? null : "the server received SNI " + received;
    }
}
