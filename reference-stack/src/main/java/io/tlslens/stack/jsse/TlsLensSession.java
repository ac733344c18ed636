package io.tlslens.stack.jsse;

import io.tlslens.stack.HandshakeView;
import java.security.Principal;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSessionContext;

/**
 * A session as JSSE shows it, read from the core's {@link HandshakeView}: during the handshake it
 * is the handshake session key and trust managers see (partial), afterwards the connection's
 * session. Values the application puts during the handshake stay with it.
 */
final class TlsLensSession extends ExtendedSSLSession {
    /** A TLS 1.2 peer may send up to 2^14 + 2048 bytes of ciphertext, after a 5-byte header. */
    static final int PACKET_BUFFER_SIZE = 5 + (1 << 14) + 2048;
    /** At most 2^14 bytes of plaintext per record. */
    static final int APPLICATION_BUFFER_SIZE = 1 << 14;

    private static final SecureRandom ID_RANDOM = new SecureRandom();

    private final HandshakeView view;
    private final TlsLensSessionContext context;
    /** SunJSSE's kind of TLS 1.3 session id, used while the core names none. */
    private final byte[] randomId = new byte[32];
    private final SessionValues values = new SessionValues();
    private volatile boolean invalidated;

    TlsLensSession(HandshakeView view, TlsLensSessionContext context) {
        this.view = view;
        this.context = context;
        ID_RANDOM.nextBytes(randomId);
    }

    /** The core's session id (TLS 1.2's legacy_session_id) when it has one, else a random one of this session's. */
    @Override
    public byte[] getId() {
        byte[] id = view.sessionId();
        return id.length > 0 ? id.clone() : randomId.clone();
    }

    @Override
    public SSLSessionContext getSessionContext() {
        return context;
    }

    @Override
    public long getCreationTime() {
        return view.creationTime();
    }

    @Override
    public long getLastAccessedTime() {
        return view.creationTime();
    }

    /** Also forgets a client's tickets for this peer, so that its next connection is a full handshake. */
    @Override
    public void invalidate() {
        invalidated = true;
        context.remove(this);
        if (view.isClient()) {
            context.forgetTickets(ticketKey());
        }
    }

    /** The name the core files a client's tickets under: the SNI host name, else host:port. */
    private String ticketKey() {
        return view.serverNames().isEmpty() ? view.peerHost() + ":" + view.peerPort() : view.serverNames().get(0);
    }

    @Override
    public boolean isValid() {
        return !invalidated && context.isCurrent(this);
    }

    @Override
    public void putValue(String name, Object value) {
        values.put(this, name, value);
    }

    @Override
    public Object getValue(String name) {
        return values.get(name);
    }

    @Override
    public void removeValue(String name) {
        values.remove(this, name);
    }

    @Override
    public String[] getValueNames() {
        return values.names();
    }

    @Override
    public Certificate[] getPeerCertificates() throws SSLPeerUnverifiedException {
        List<X509Certificate> chain = view.peerCertificates();
        if (chain.isEmpty()) {
            throw new SSLPeerUnverifiedException("peer not authenticated");
        }
        return chain.toArray(new X509Certificate[0]);
    }

    @Override
    public Certificate[] getLocalCertificates() {
        List<X509Certificate> chain = view.localCertificates();
        return chain.isEmpty() ? null : chain.toArray(new X509Certificate[0]);
    }

    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public javax.security.cert.X509Certificate[] getPeerCertificateChain() {
        throw new UnsupportedOperationException("Use getPeerCertificates()");
    }

    @Override
    public Principal getPeerPrincipal() throws SSLPeerUnverifiedException {
        return ((X509Certificate) getPeerCertificates()[0]).getSubjectX500Principal();
    }

    @Override
    public Principal getLocalPrincipal() {
        List<X509Certificate> chain = view.localCertificates();
        return chain.isEmpty() ? null : chain.get(0).getSubjectX500Principal();
    }

    @Override
    public String getCipherSuite() {
        return view.cipherSuite().isPresent()
                ? JsseNames.CIPHER_SUITES.name(view.cipherSuite().getAsInt())
                : NullSession.CIPHER_SUITE;
    }

    @Override
    public String getProtocol() {
        return view.version().isPresent() ? JsseNames.PROTOCOLS.name(view.version().getAsInt()) : NullSession.PROTOCOL;
    }

    @Override
    public String getPeerHost() {
        return view.peerHost();
    }

    @Override
    public int getPeerPort() {
        return view.peerPort();
    }

    @Override
    public int getPacketBufferSize() {
        return PACKET_BUFFER_SIZE;
    }

    @Override
    public int getApplicationBufferSize() {
        return APPLICATION_BUFFER_SIZE;
    }

    @Override
    public String[] getLocalSupportedSignatureAlgorithms() {
        return SignatureAlgorithmNames.of(view.localSignatureSchemes());
    }

    @Override
    public String[] getPeerSupportedSignatureAlgorithms() {
        return SignatureAlgorithmNames.of(view.peerSignatureSchemes());
    }

    @Override
    public List<SNIServerName> getRequestedServerNames() {
        List<SNIServerName> names = new ArrayList<>();
        for (String name : view.serverNames()) {
            names.add(new SNIHostName(name));
        }
        return names;
    }

    /** No OCSP stapling yet: no responses. */
    @Override
    public List<byte[]> getStatusResponses() {
        return List.of();
    }

    /** Whether the handshake this session belongs to resumed an earlier one. */
    boolean resumed() {
        return view.resumed();
    }

    @Override
    public String toString() {
        return "TlsLensSession[" + getProtocol() + ", " + getCipherSuite() + "]";
    }
}
