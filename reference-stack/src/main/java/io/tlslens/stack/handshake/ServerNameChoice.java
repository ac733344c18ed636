package io.tlslens.stack.handshake;

import static io.tlslens.stack.handshake.Evidence.evidence;

import io.tlslens.observe.Decision.Subjects;
import io.tlslens.observe.Decision;
import io.tlslens.observe.HandshakeObserver;
import io.tlslens.stack.TlsAlertException;
import io.tlslens.stack.TlsConfig;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.ClientHello;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The server's answer to the client's server_name (RFC 6066 §3), the same in TLS 1.2 and TLS 1.3. */
public final class ServerNameChoice {
    private ServerNameChoice() {
    }

    /**
     * Accepts the client's host name into the view unless the application's matcher refuses it
     * (unrecognized_name, reported). Returns the acceptance as a decision for the caller to report,
     * since a TLS 1.3 server reports it for the first ClientHello only; empty without server_name.
     */
    public static Optional<Decision> accept(TlsConfig config, ClientHello hello, HandshakeState view, HandshakeObserver observer)
            throws TlsAlertException {
        Optional<String> name = hello.serverName();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> evidence = evidence("client.server_name", List.of(name.get()));
        if (config.serverNameMatcher() != null && !config.serverNameMatcher().test(name.get())) {
            observer.decision(Decision.none(Subjects.SERVER_NAME, "refused by the server name matcher", evidence));
            throw new TlsAlertException(AlertDescription.unrecognized_name, "server name " + name.get() + " not recognized");
        }
        view.serverNames(List.of(name.get()));
        return Optional.of(Decision.chose(Subjects.SERVER_NAME, name.get(), config.serverNameMatcher() == null
                ? "server accepts every name" : "accepted by the server name matcher", evidence));
    }
}
