package io.tlslens.stack.jsse;

import io.tlslens.stack.ClientAuth;
import io.tlslens.stack.Credentials;
import io.tlslens.stack.Tls;
import io.tlslens.stack.TlsConfig;
import io.tlslens.stack.TlsConnection;
import io.tlslens.stack.crypto.TlsCrypto;
import java.net.Socket;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * What an initialised SSLContext holds (its managers, crypto and session contexts), and how a
 * connection is configured from it and an engine's or socket's parameters.
 */
final class ContextData {
    private final X509ExtendedKeyManager keyManager;
    private final X509ExtendedTrustManager trustManager;
    private final TlsCrypto crypto;
    private final TlsLensSessionContext clientSessions;
    private final TlsLensSessionContext serverSessions;
    private final DefaultProtocols defaultProtocols;

    ContextData(X509ExtendedKeyManager keyManager, X509ExtendedTrustManager trustManager, TlsCrypto crypto,
            TlsLensSessionContext clientSessions, TlsLensSessionContext serverSessions,
            DefaultProtocols defaultProtocols) {
        this.keyManager = keyManager;
        this.trustManager = trustManager;
        this.crypto = crypto;
        this.clientSessions = clientSessions;
        this.serverSessions = serverSessions;
        this.defaultProtocols = defaultProtocols;
    }

    /** Fresh settings for an engine or socket in {@code clientMode}, with this context's default protocols. */
    ConnectionParameters newParameters(boolean clientMode) {
        return new ConnectionParameters(clientMode, defaultProtocols);
    }

    TlsLensSessionContext sessions(boolean client) {
        return client ? clientSessions : serverSessions;
    }

    /**
     * A connection configured from {@code parameters}; {@code transport} is the socket it runs over
     * (null for an engine), {@code caller} what the managers are called with, {@code selector} the
     * server's ALPN selector (null: choose from the list).
     */
    TlsConnection newConnection(ConnectionParameters parameters, String peerHost, int peerPort, Socket transport,
            ManagerCaller caller, Function<List<String>, String> selector) {
        boolean client = parameters.clientMode();
        List<Integer> groups = parameters.groupCodes();
        TlsConfig.Builder config = (client ? TlsConfig.client(crypto) : TlsConfig.server(crypto))
                .versions(parameters.protocolCodes())
                .cipherSuites(parameters.cipherSuiteCodes())
                .groups(groups)
                .keyShareGroups(groups.isEmpty() ? List.of() : List.of(groups.get(0)))
                .signatureSchemes(parameters.signatureSchemeCodes())
                .applicationProtocols(parameters.applicationProtocols())
                .credentials(keyManager == null ? Credentials.NONE
                        : new KeyManagerCredentials(keyManager, caller, crypto))
                .peerVerifier(new TrustManagerVerifier(trustManager, caller))
                .peer(peerHost, peerPort)
                .sessions(sessions(client).store())
                .keyLog(TlsLensProvider.keyLog());
        if (transport != null && transport.getInetAddress() != null) {
            config.socket(transport.getInetAddress().getHostAddress(), transport.getLocalPort());
        }
        if (client) {
            config.serverNames(parameters.serverHostNames());
        } else {
            config.clientAuth(parameters.needClientAuth() ? ClientAuth.NEED
                            : parameters.wantClientAuth() ? ClientAuth.WANT : ClientAuth.NONE)
                    .serverNameMatcher(serverNameMatcher(parameters.sniMatchers()))
                    .applicationProtocolSelector(selector);
        }
        return client ? Tls.client(config.build()) : Tls.server(config.build());
    }

    /** As SunJSSE: without matchers every name is accepted; with them, one for host names must match. */
    private static Predicate<String> serverNameMatcher(Collection<SNIMatcher> matchers) {
        if (matchers.isEmpty()) {
            return null;
        }
        return name -> matchers.stream().anyMatch(matcher -> matcher.getType() == StandardConstants.SNI_HOST_NAME
                && matcher.matches(new SNIHostName(name)));
    }
}
