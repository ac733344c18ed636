package io.tlslens.examples.scenario.good;

import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Negotiated;
import io.tlslens.examples.scenario.Params;
import io.tlslens.examples.scenario.SocketPairScenario;
import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * Produces no error.type: session resumption, two connections from one client SSLContext; the second
 * resumes the first's session (a TLS 1.3 PSK from its NewSessionTicket, or a TLS 1.2 session ID/ticket).
 */
public final class ResumptionScenario extends SocketPairScenario {
    private final String protocol;

    public ResumptionScenario(String protocol) {
        super("resumption-" + Names.version(protocol),
                "two " + protocol + " connections with the same client SSLContext; the second is resumed",
                Expectation.success());
        this.protocol = protocol;
    }

    @Override
    protected int connections() {
        return 2;
    }

    @Override
    protected void configureClient(SSLSocket socket) {
        Params.edit(socket, Params.protocols(protocol));
    }

    @Override
    protected String unmet(List<Negotiated> client, List<Negotiated> server) {
        return Checks.first(Checks.protocol(protocol, client.get(1)),
                client.get(0).resumed() ? "the first connection claims to be resumed" : null,
                client.get(1).resumed() ? null : "the second connection was not resumed");
    }
}
