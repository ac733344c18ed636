package io.tlslens.examples.scenario.good;

import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Negotiated;
import io.tlslens.examples.scenario.Params;
import io.tlslens.examples.scenario.SocketPairScenario;
import java.util.List;
import javax.net.ssl.SSLSocket;

/** Produces no error.type: ALPN, the client offers h2 and http/1.1, the server's selector picks h2. */
public final class AlpnScenario extends SocketPairScenario {
    static final String H2 = "h2";

    public AlpnScenario() {
        super("alpn-h2", "client offers ALPN [h2, http/1.1]; the server's ApplicationProtocolSelector picks h2",
                Expectation.success());
    }

    @Override
    protected void configureServer(SSLSocket socket) {
        socket.setHandshakeApplicationProtocolSelector(
                (ignored, offered) -> offered.contains(H2) ? H2 : null);
    }

    @Override
    protected void configureClient(SSLSocket socket) {
        Params.edit(socket, parameters -> parameters.setApplicationProtocols(new String[] {H2, "http/1.1"}));
    }

    @Override
    protected String unmet(List<Negotiated> client, List<Negotiated> server) {
        return Checks.first(Checks.applicationProtocol(H2, client.get(0)),
                Checks.applicationProtocol(H2, server.get(0)));
    }
}
