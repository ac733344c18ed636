package io.tlslens.examples.scenario.good;

import io.tlslens.examples.pki.Credential;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Negotiated;
import io.tlslens.examples.scenario.Params;
import io.tlslens.examples.scenario.SocketPairScenario;
import java.util.List;
import javax.net.ssl.SSLSocket;

/** Produces no error.type: mutual TLS, the server requires a client certificate and the client sends one. */
public final class MutualTlsScenario extends SocketPairScenario {
    private final String protocol;

    public MutualTlsScenario(String protocol) {
        super("mutual-" + Names.version(protocol),
                "server needs client auth; the client presents a certificate from the same CA, over " + protocol,
                Expectation.success());
        this.protocol = protocol;
    }

    @Override
    protected Credential clientCredential(Pki pki) {
        return pki.client();
    }

    @Override
    protected void configureServer(SSLSocket socket) {
        socket.setNeedClientAuth(true);
    }

    @Override
    protected void configureClient(SSLSocket socket) {
        Params.edit(socket, Params.protocols(protocol));
    }

    @Override
    protected String unmet(List<Negotiated> client, List<Negotiated> server) {
        return Checks.first(Checks.protocol(protocol, client.get(0)),
                server.get(0).peerSubject() == null ? "the server saw no client certificate" : null);
    }
}
