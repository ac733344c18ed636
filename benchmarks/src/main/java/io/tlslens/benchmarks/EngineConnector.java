package io.tlslens.benchmarks;

/**
 * In-memory connections of one {@link Peers}. The client names a peer port it never connects to: its session
 * cache is keyed by host and port, so a port it has not named before stands for a server it holds no session
 * for, whatever its provider does with invalidated sessions.
 */
final class EngineConnector implements Transport.Connector {
    private final Peers peers;
    private int port = 443;

    EngineConnector(Peers peers) {
        this.peers = peers;
    }

    @Override
    public EnginePair connect() {
        return peers.connectEngines(port);
    }

    /** The next port: tens of thousands of full handshakes before one could come back to a port already used. */
    @Override
    public void forgetSessions() {
        port = port % 65_535 + 1;
    }
}
