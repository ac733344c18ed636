package io.tlslens.stack.handshake;

import static io.tlslens.stack.handshake.Evidence.evidence;

import io.tlslens.observe.Decision.Subjects;
import io.tlslens.observe.Decision;
import io.tlslens.observe.HandshakeObserver;
import io.tlslens.stack.TlsAlertException;
import io.tlslens.stack.TlsConfig;
import io.tlslens.wire.AlertDescription;
import io.tlslens.wire.AlpnExtension;
import io.tlslens.wire.ClientHello;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Application-Layer Protocol Negotiation (RFC 7301), the same in TLS 1.2 and TLS 1.3: the server
 * chooses from the client's list, the client checks the server's answer. Each outcome is recorded
 * in the view and reported as a decision.
 */
public final class Alpn {
    private final TlsConfig config;
    private final HandshakeState view;
    private final HandshakeObserver observer;

    public Alpn(TlsConfig config, HandshakeState view, HandshakeObserver observer) {
        this.config = config;
        this.view = view;
        this.observer = observer;
    }

    /**
     * The server's choice (RFC 7301 §3.2): by the application's selector when it has one, else its
     * first protocol the client offers; no_application_protocol when there is none. Empty when the
     * client offered no ALPN, the server takes part in none, or the selector declined.
     */
    public Optional<String> choose(ClientHello hello) throws TlsAlertException {
        List<String> offered = hello.alpnProtocols();
        if (hello.extension(AlpnExtension.class).isEmpty()
                || (config.applicationProtocols().isEmpty() && config.applicationProtocolSelector() == null)) {
            return Optional.empty();
        }
        Map<String, List<String>> evidence = evidence("client.offered", offered, "server.enabled", config.applicationProtocols());
        String chosen;
        String reason;
        if (config.applicationProtocolSelector() != null) {
            chosen = config.applicationProtocolSelector().apply(offered);
            reason = "chosen by the server's selector";
            if (chosen != null && !chosen.isEmpty() && !offered.contains(chosen)) {
                chosen = null;
                reason = "the server's selector chose a protocol the client did not offer";
            }
        } else {
            chosen = config.applicationProtocols().stream().filter(offered::contains).findFirst().orElse(null);
            reason = "server's first protocol the client offers";
        }
        if (chosen == null) {
            observer.decision(Decision.none(Subjects.APPLICATION_PROTOCOL, "no common application protocol", evidence));
            throw new TlsAlertException(AlertDescription.no_application_protocol, "no common application protocol: client offers "
                    + offered + ", server enables " + config.applicationProtocols());
        }
        if (chosen.isEmpty()) {
            observer.decision(Decision.chose(Subjects.APPLICATION_PROTOCOL, "none", "the server's selector declined ALPN", evidence));
            return Optional.empty();
        }
        view.applicationProtocol(chosen);
        observer.decision(Decision.chose(Subjects.APPLICATION_PROTOCOL, chosen, reason, evidence));
        return Optional.of(chosen);
    }

    /**
     * The client's check of the server's answer (RFC 7301 §3.1): none, or exactly one of the
     * protocols offered, else illegal_parameter. Call {@link #accept} with what it returns once
     * any version-specific check has passed.
     */
    public Optional<String> selected(Optional<AlpnExtension> answer) throws TlsAlertException {
        if (answer.isEmpty()) {
            if (!config.applicationProtocols().isEmpty()) {
                observer.decision(Decision.chose(Subjects.APPLICATION_PROTOCOL, "none", "server selected no protocol",
                        evidence("client.offered", config.applicationProtocols())));
            }
            return Optional.empty();
        }
        List<String> protocols = answer.get().protocols();
        if (protocols.size() != 1 || !config.applicationProtocols().contains(protocols.get(0))) {
            throw new TlsAlertException(AlertDescription.illegal_parameter, "server selected ALPN " + protocols
                    + ", not one of the offered " + config.applicationProtocols());
        }
        return Optional.of(protocols.get(0));
    }

    /** The client takes the protocol the server selected. */
    public void accept(String protocol) {
        view.applicationProtocol(protocol);
        observer.decision(Decision.chose(Subjects.APPLICATION_PROTOCOL, protocol, "selected by the server",
                evidence("client.offered", config.applicationProtocols())));
    }
}
