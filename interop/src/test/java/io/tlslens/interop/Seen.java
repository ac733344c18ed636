package io.tlslens.interop;

/**
 * What one side of a test connection saw of it, through its own API or output: what was negotiated, whom
 * it talked to, what data arrived, and whether the peer closed with close_notify. Immutable.
 */
final class Seen {
    private final String protocol;
    private final String cipherSuite;
    private final String applicationProtocol;
    private final String peerCommonName;
    private final String requestedServerName;
    private final Boolean resumed;
    private final String received;
    private final boolean closedByPeer;

    /**
     * @param applicationProtocol ALPN result, {@code ""} when none was negotiated
     * @param peerCommonName      CN of the certificate the peer presented, null when it presented none
     * @param requestedServerName SNI as a server saw it, null when none (or when this side is a client)
     * @param resumed             null when this side cannot tell
     * @param received            the application data that arrived, as text
     * @param closedByPeer        the peer's close_notify arrived (end of stream, not an error)
     */
    Seen(String protocol, String cipherSuite, String applicationProtocol, String peerCommonName,
            String requestedServerName, Boolean resumed, String received, boolean closedByPeer) {
        this.protocol = protocol;
        this.cipherSuite = cipherSuite;
        this.applicationProtocol = applicationProtocol;
        this.peerCommonName = peerCommonName;
        this.requestedServerName = requestedServerName;
        this.resumed = resumed;
        this.received = received;
        this.closedByPeer = closedByPeer;
    }

    String protocol() {
        return protocol;
    }

    String cipherSuite() {
        return cipherSuite;
    }

    String applicationProtocol() {
        return applicationProtocol;
    }

    String peerCommonName() {
        return peerCommonName;
    }

    String requestedServerName() {
        return requestedServerName;
    }

    Boolean resumed() {
        return resumed;
    }

    String received() {
        return received;
    }

    boolean closedByPeer() {
        return closedByPeer;
    }

    @Override
    public String toString() {
        return protocol + " " + cipherSuite + " alpn=" + applicationProtocol + " peer=" + peerCommonName
                + " sni=" + requestedServerName + " resumed=" + resumed + " received=" + received
                + " closedByPeer=" + closedByPeer;
    }
}
