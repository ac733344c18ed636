package io.tlslens.agent.record;

/** Where the other side of a connection is; any part may be unknown ({@code null} or -1). */
public final class Peer {

    public static final Peer UNKNOWN = new Peer(null, null, -1, -1);

    private final String host;
    private final String address;
    private final int port;
    private final int localPort;

    public Peer(String host, String address, int port, int localPort) {
        this.host = host;
        this.address = address;
        this.port = port;
        this.localPort = localPort;
    }

    /** The host name the application connected to, if it gave one. */
    public String host() {
        return host;
    }

    /** The peer's IP address. */
    public String address() {
        return address;
    }

    public int port() {
        return port;
    }

    public int localPort() {
        return localPort;
    }
}
