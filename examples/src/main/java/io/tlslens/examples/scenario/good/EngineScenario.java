package io.tlslens.examples.scenario.good;

import io.tlslens.examples.net.Background;
import io.tlslens.examples.net.EngineConnection;
import io.tlslens.examples.net.Exchange;
import io.tlslens.examples.net.Loopback;
import io.tlslens.examples.net.LoopbackServer;
import io.tlslens.examples.net.Timeouts;
import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.pki.SslContexts;
import io.tlslens.examples.scenario.BaseScenario;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Negotiated;
import io.tlslens.examples.scenario.Outcome;
import io.tlslens.examples.scenario.Params;
import io.tlslens.examples.scenario.ScenarioContext;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * Produces no error.type: an SSLEngine client and an SSLEngine server (the API of Netty, gRPC, Jetty and
 * the HTTP client) over a loopback TCP connection.
 */
public final class EngineScenario extends BaseScenario {
    private final String protocol;

    public EngineScenario(String protocol) {
        super(Names.version(protocol) + "-engine",
                "SSLEngine client and server driven over a loopback TCP connection, " + protocol,
                Expectation.success());
        this.protocol = protocol;
    }

    @Override
    public Outcome run(ScenarioContext context) throws Exception {
        Pki pki = context.pki(KeyType.EC_P256);
        SSLContext serverContext = SslContexts.create(pki, pki.server());
        SSLContext clientContext = SslContexts.create(pki, null);
        List<Negotiated> serverSaw = new CopyOnWriteArrayList<>();
        List<Negotiated> clientSaw = new ArrayList<>();
        try (LoopbackServer server = LoopbackServer.plain()) {
            Background<Void> serving = server.serve(1, socket -> {
                long acceptedAt = System.currentTimeMillis();
                SSLEngine engine = serverContext.createSSLEngine();
                engine.setUseClientMode(false);
                EngineConnection connection = new EngineConnection(engine, socket);
                connection.handshake();
                serverSaw.add(Negotiated.of(engine, acceptedAt));
                connection.writeLine(Exchange.GREETING);
                connection.readLine();
                connection.close();
            });
            Throwable clientFailure = null;
            long connectedAt = System.currentTimeMillis();
            try (Socket socket = Loopback.connect(server.port(), Timeouts.IO)) {
                // The peer host and port name the session for resumption and endpoint identification.
                SSLEngine engine = clientContext.createSSLEngine(Loopback.HOST, server.port());
                engine.setUseClientMode(true);
                Params.edit(engine, parameters -> {
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    parameters.setProtocols(new String[] {protocol});
                });
                EngineConnection connection = new EngineConnection(engine, socket);
                connection.handshake();
                clientSaw.add(Negotiated.of(engine, connectedAt));
                connection.readLine();
                connection.writeLine(Exchange.REQUEST);
                connection.close();
            } catch (Exception e) {
                clientFailure = e;
            }
            return Outcome.of(clientFailure, serving.failure(Timeouts.IO), clientSaw, serverSaw)
                    .check(() -> Checks.protocol(protocol, clientSaw.get(0)));
        }
    }
}
