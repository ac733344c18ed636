package io.tlslens.examples.scenario.good;

import io.tlslens.examples.net.Exchange;
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
import io.tlslens.examples.scenario.TlsClient;
import java.util.List;
import java.util.Optional;

/**
 * Produces no error.type: the JSSE client against {@code openssl s_server} limited to one version
 * ({@code -rev}: it answers each line reversed), so only the client side is Java.
 */
public final class OpensslServerScenario extends BaseScenario {
    private final String protocol;

    public OpensslServerScenario(String protocol) {
        super("openssl-server-" + Names.version(protocol),
                "JSSE client to openssl s_server -" + Names.flag(protocol), Expectation.success());
        this.protocol = protocol;
    }

    @Override
    public Optional<String> unavailableReason() {
        return OpensslProcess.unavailableReason();
    }

    @Override
    public Outcome run(ScenarioContext context) throws Exception {
        Pki pki = context.pki(KeyType.EC_P256);
        OpensslProcess.Listening server = OpensslProcess.startServer(context.pemDirectory(KeyType.EC_P256),
                List.of("-naccept", "1", "-rev", "-cert", "server.pem", "-key", "server-key.pem",
                        "-cert_chain", "intermediate-ca.pem", "-" + Names.flag(protocol)));
        try (OpensslProcess process = server.process()) {
            Negotiated seen = null;
            Throwable clientFailure = null;
            try {
                seen = TlsClient.connect(SslContexts.create(pki, null), server.port(), Timeouts.IO, socket -> { },
                        Exchange::asClientSpeakingFirst);
            } catch (Exception e) {
                clientFailure = e;
            }
            Throwable serverFailure = null;
            try {
                process.awaitSuccess(Timeouts.IO); // -naccept 1: it exits once its one connection is over
            } catch (Exception e) {
                serverFailure = e;
            }
            List<Negotiated> clientSaw = seen == null ? List.of() : List.of(seen);
            return Outcome.of(clientFailure, serverFailure, clientSaw, List.of())
                    .check(() -> Checks.protocol(protocol, clientSaw.get(0)));
        }
    }
}
