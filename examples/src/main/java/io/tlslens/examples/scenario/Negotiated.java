package io.tlslens.examples.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/** What one side saw of one completed handshake. */
public final class Negotiated {
    private final String protocol;
    private final String cipherSuite;
    private final String applicationProtocol;
    private final String peerSubject;
    private final List<String> requestedServerNames;
    private final boolean resumed;

    private Negotiated(SSLSession session, String applicationProtocol, long connectedAtMillis) {
        this.protocol = session.getProtocol();
        this.cipherSuite = session.getCipherSuite();
        this.applicationProtocol = applicationProtocol == null ? "" : applicationProtocol;
        this.peerSubject = peerSubject(session);
        this.requestedServerNames = requestedServerNames(session);
        // A fresh session is created during this connection's handshake; a resumed one keeps the creation
        // time of the handshake that first established it (SunJSSE does so for TLS 1.2 and TLS 1.3 alike).
        this.resumed = session.getCreationTime() < connectedAtMillis;
    }

    /**
     * @param connectedAtMillis when the TCP connection was made, before the handshake began; it tells a
     *                          resumed session from a fresh one
     */
    public static Negotiated of(SSLSession session, String applicationProtocol, long connectedAtMillis) {
        return new Negotiated(session, applicationProtocol, connectedAtMillis);
    }

    public static Negotiated of(SSLSocket socket, long connectedAtMillis) {
        return new Negotiated(socket.getSession(), socket.getApplicationProtocol(), connectedAtMillis);
    }

    public static Negotiated of(SSLEngine engine, long connectedAtMillis) {
        return new Negotiated(engine.getSession(), engine.getApplicationProtocol(), connectedAtMillis);
    }

    /** {@code TLSv1.3}, {@code TLSv1.2}. */
    public String protocol() {
        return protocol;
    }

    public String cipherSuite() {
        return cipherSuite;
    }

    /** The ALPN protocol, empty when none was negotiated. */
    public String applicationProtocol() {
        return applicationProtocol;
    }

    /** The subject of the peer's certificate, null when the peer sent none. */
    public String peerSubject() {
        return peerSubject;
    }

    /** The SNI host names the client sent (SunJSSE records them on both sides); empty when none. */
    public List<String> requestedServerNames() {
        return requestedServerNames;
    }

    public boolean resumed() {
        return resumed;
    }

    private static String peerSubject(SSLSession session) {
        try {
            return session.getPeerPrincipal().getName();
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    private static List<String> requestedServerNames(SSLSession session) {
        if (!(session instanceof ExtendedSSLSession)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try {
            for (SNIServerName name : ((ExtendedSSLSession) session).getRequestedServerNames()) {
                if (name instanceof SNIHostName) {
                    names.add(((SNIHostName) name).getAsciiName());
                }
            }
        } catch (UnsupportedOperationException e) {
            return List.of(); // a provider that does not record them
        }
        return Collections.unmodifiableList(names);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(protocol).append(' ').append(cipherSuite);
        if (!applicationProtocol.isEmpty()) {
            out.append(" alpn=").append(applicationProtocol);
        }
        if (!requestedServerNames.isEmpty()) {
            out.append(" sni=").append(String.join(",", requestedServerNames));
        }
        if (resumed) {
            out.append(" resumed");
        }
        return out.toString();
    }
}
