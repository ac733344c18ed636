package io.tlslens.examples.scenario.good;

import io.tlslens.examples.net.Background;
import io.tlslens.examples.net.Exchange;
import io.tlslens.examples.net.Loopback;
import io.tlslens.examples.net.LoopbackServer;
import io.tlslens.examples.net.OpensslProcess;
import io.tlslens.examples.net.Timeouts;
import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.pki.SslContexts;
import io.tlslens.examples.scenario.BaseScenario;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Negotiated;
import io.tlslens.examples.scenario.Outcome;
import io.tlslens.examples.scenario.ScenarioContext;
import io.tlslens.examples.scenario.TlsServer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Produces no error.type: {@code openssl s_client} limited to one version, verifying the chain and the
 * host name, against the JSSE server, so only the server side is Java.
 */
public final class OpensslClientScenario extends BaseScenario {
    private final String protocol;

    public OpensslClientScenario(String protocol) {
        super("openssl-client-" + Names.version(protocol),
                "openssl s_client -" + Names.flag(protocol) + " to the JSSE server", Expectation.success());
        this.protocol = protocol;
    }

    @Override
    public Optional<String> unavailableReason() {
        return OpensslProcess.unavailableReason();
    }

    @Override
    public Outcome run(ScenarioContext context) throws Exception {
        Pki pki = context.pki(KeyType.EC_P256);
        List<Negotiated> serverSaw = new CopyOnWriteArrayList<>();
        try (LoopbackServer server = LoopbackServer.tls(SslContexts.create(pki, pki.server()))) {
            Background<Void> serving = server.serve(1, TlsServer.handler(socket -> { }, serverSaw));
            // -quiet implies -ign_eof: s_client sends the line, then stays until the server closes.
            Throwable clientFailure = null;
            try (OpensslProcess client = OpensslProcess.start(context.pemDirectory(KeyType.EC_P256),
                    Exchange.REQUEST + "\n", List.of("s_client", "-connect", "127.0.0.1:" + server.port(),
                            "-" + Names.flag(protocol), "-CAfile", "root-ca.pem", "-verify_return_error",
                            "-servername", Loopback.HOST, "-verify_hostname", Loopback.HOST, "-quiet"))) {
                client.awaitSuccess(Timeouts.IO);
            } catch (Exception e) {
                clientFailure = e;
            }
            return Outcome.of(clientFailure, serving.failure(Timeouts.IO), List.of(), serverSaw)
                    .check(() -> Checks.protocol(protocol, serverSaw.get(0)));
        }
    }
}
