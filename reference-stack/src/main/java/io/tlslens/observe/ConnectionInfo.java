package io.tlslens.observe;

import java.util.Optional;

/**
 * What a connection knows of where it runs when it asks for its observer. Any part but the role may
 * be unknown: an SSLEngine, for instance, knows only the host and port the application named.
 */
public final class ConnectionInfo {
    private final boolean client;
    private final String peerHost;
    private final int peerPort;
    private final String peerAddress;
    private final int localPort;

    /**
     * @param peerHost the peer's host as the application named it, or null
     * @param peerPort the peer's port, or -1
     * @param peerAddress the peer's IP address when the connection runs over a socket, or null
     * @param localPort this side's port when over a socket, or -1
     */
    public ConnectionInfo(boolean client, String peerHost, int peerPort, String peerAddress, int localPort) {
        this.client = client;
        this.peerHost = peerHost;
        this.peerPort = peerPort;
        this.peerAddress = peerAddress;
        this.localPort = localPort;
    }

    /** Whether this side is the TLS client. */
    public boolean isClient() {
        return client;
    }

    public Optional<String> peerHost() {
        return Optional.ofNullable(peerHost);
    }

    /** The peer's port; -1 when unknown. */
    public int peerPort() {
        return peerPort;
    }

    public Optional<String> peerAddress() {
        return Optional.ofNullable(peerAddress);
    }

    /** This side's port; -1 when unknown. */
    public int localPort() {
        return localPort;
    }
}
