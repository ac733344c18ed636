package io.tlslens.stack.tls12;

import io.tlslens.stack.SessionStore;
import io.tlslens.stack.TlsConfig;
import io.tlslens.wire.ClientHello;
import io.tlslens.wire.EcPointFormat;
import io.tlslens.wire.EcPointFormatsExtension;
import io.tlslens.wire.ExtendedMasterSecretExtension;
import io.tlslens.wire.Extension;
import io.tlslens.wire.ProtocolVersion;
import io.tlslens.wire.RenegotiationInfoExtension;
import io.tlslens.wire.SessionTicketExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a client puts in its ClientHello for TLS 1.2 (RFC 5246 §7.4.1.2): the suites, the
 * extensions only TLS 1.2 reads (ec_point_formats, extended_master_secret, renegotiation_info,
 * session_ticket), and the session it offers to resume. A client enabling TLS 1.3 too builds one
 * ClientHello for both versions with it, and if the server answers in TLS 1.2, the TLS 1.2 client
 * takes over from that ClientHello as sent.
 */
public final class Tls12ClientOffer {
    private final TlsConfig config;
    private final List<Integer> cipherSuites;
    private final String sessionKey;
    private final Tls12Session session;
    private final byte[] sessionId;
    private ClientHello sent;

    private Tls12ClientOffer(TlsConfig config, List<Integer> cipherSuites) {
        this.config = config;
        this.cipherSuites = cipherSuites;
        this.sessionKey = !config.serverNames().isEmpty() ? config.serverNames().get(0)
                : config.peerHost() == null ? null : config.peerHost() + ":" + config.peerPort();
        this.session = sessionKey == null ? null : config.sessions().session(sessionKey, System.currentTimeMillis())
                .filter(s -> cipherSuites.contains(s.cipherSuite()))
                .filter(s -> s.extendedMasterSecret() || !config.requireExtendedMasterSecret())
                .orElse(null);
        if (session == null) {
            this.sessionId = null;
        } else if (session.ticket().length > 0) {
            // RFC 5077 §3.4: a fresh session ID, which the server echoes when it accepts the ticket
            this.sessionId = new byte[32];
            config.crypto().random().nextBytes(sessionId);
        } else {
            this.sessionId = session.sessionId();
        }
    }

    /** The offer of a client that enables TLS 1.2 and at least one TLS 1.2 suite; empty otherwise. */
    public static Optional<Tls12ClientOffer> of(TlsConfig config) {
        if (!config.versions().contains(ProtocolVersion.TLSv1_2)) {
            return Optional.empty();
        }
        List<Integer> suites = Tls12Connection.enabledSuites(config);
        return suites.isEmpty() ? Optional.empty() : Optional.of(new Tls12ClientOffer(config, suites));
    }

    /** The TLS 1.2 suites, in preference order. */
    public List<Integer> cipherSuites() {
        return cipherSuites;
    }

    /** The extensions TLS 1.2 needs besides those TLS 1.3 sends too (server_name, groups, schemes, ALPN). */
    public List<Extension> extensions() {
        List<Extension> extensions = new ArrayList<>();
        extensions.add(new EcPointFormatsExtension(List.of(EcPointFormat.uncompressed)));
        extensions.add(new ExtendedMasterSecretExtension());
        // RFC 5746 §3.4: an empty renegotiation_info says this is a first handshake by a client that knows the extension
        extensions.add(new RenegotiationInfoExtension(new byte[0]));
        if (config.sessions() != SessionStore.NONE) {
            extensions.add(new SessionTicketExtension(session == null ? new byte[0] : session.ticket()));
        }
        return extensions;
    }

    /**
     * The legacy_session_id a resumption needs: the session's ID, or a fresh one to go with its
     * ticket; empty when no session is offered (a TLS 1.3 client then sends its own).
     */
    public Optional<byte[]> sessionId() {
        return Optional.ofNullable(sessionId).map(byte[]::clone);
    }

    /** Records the (first) ClientHello as sent, which the TLS 1.2 client continues from. */
    public void clientHelloSent(ClientHello hello) {
        if (sent == null) {
            sent = hello;
        }
    }

    ClientHello sent() {
        if (sent == null) {
            throw new IllegalStateException("no ClientHello was sent");
        }
        return sent;
    }

    Optional<Tls12Session> session() {
        return Optional.ofNullable(session);
    }

    /** Where the session is kept: the SNI name, else host:port; null when neither is known. */
    String sessionKey() {
        return sessionKey;
    }
}
