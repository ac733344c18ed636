package io.tlslens.stack.jsse;

import java.security.Principal;
import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSessionContext;

/**
 * The session of a connection without an established one (before the handshake, or after it
 * failed): {@code SSL_NULL_WITH_NULL_NULL}, never valid, as JSSE callers expect instead of null.
 */
final class NullSession extends ExtendedSSLSession {
    static final String CIPHER_SUITE = "SSL_NULL_WITH_NULL_NULL";
    static final String PROTOCOL = "NONE";

    private final String peerHost;
    private final int peerPort;
    private final long creationTime = System.currentTimeMillis();
    private final SessionValues values = new SessionValues();

    NullSession(String peerHost, int peerPort) {
        this.peerHost = peerHost;
        this.peerPort = peerPort;
    }

    @Override
    public byte[] getId() {
        return new byte[0];
    }

    @Override
    public SSLSessionContext getSessionContext() {
        return null;
    }

    @Override
    public long getCreationTime() {
        return creationTime;
    }

    @Override
    public long getLastAccessedTime() {
        return creationTime;
    }

    @Override
    public void invalidate() {
        // never valid
    }

    @Override
    public boolean isValid() {
        return false;
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
        throw new SSLPeerUnverifiedException("peer not authenticated");
    }

    @Override
    public Certificate[] getLocalCertificates() {
        return null;
    }

    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public javax.security.cert.X509Certificate[] getPeerCertificateChain() throws SSLPeerUnverifiedException {
        throw new SSLPeerUnverifiedException("peer not authenticated");
    }

    @Override
    public Principal getPeerPrincipal() throws SSLPeerUnverifiedException {
        throw new SSLPeerUnverifiedException("peer not authenticated");
    }

    @Override
    public Principal getLocalPrincipal() {
        return null;
    }

    @Override
    public String getCipherSuite() {
        return CIPHER_SUITE;
    }

    @Override
    public String getProtocol() {
        return PROTOCOL;
    }

    @Override
    public String getPeerHost() {
        return peerHost;
    }

    @Override
    public int getPeerPort() {
        return peerPort;
    }

    @Override
    public int getPacketBufferSize() {
        return TlsLensSession.PACKET_BUFFER_SIZE;
    }

    @Override
    public int getApplicationBufferSize() {
        return TlsLensSession.APPLICATION_BUFFER_SIZE;
    }

    @Override
    public String[] getLocalSupportedSignatureAlgorithms() {
        return new String[0];
    }

    @Override
    public String[] getPeerSupportedSignatureAlgorithms() {
        return new String[0];
    }

    @Override
    public List<byte[]> getStatusResponses() {
        return List.of();
    }

    @Override
    public List<SNIServerName> getRequestedServerNames() {
        return List.of();
    }
}
