package io.tlslens.interop;

import java.util.ArrayList;
import java.util.List;

/** Who is the client and who the server of the test connections: the system under test and one peer. */
final class Pairing {
    private final Peer client;
    private final Peer server;
    private final boolean peerIsClient;

    private Pairing(Peer client, Peer server, boolean peerIsClient) {
        this.client = client;
        this.server = server;
        this.peerIsClient = peerIsClient;
    }

    /** The system under test as client against each peer, then as server against each. */
    static List<Pairing> bothRoles(Peer underTest, List<Peer> peers) {
        List<Pairing> pairings = new ArrayList<>();
        for (Peer peer : peers) {
            pairings.add(new Pairing(underTest, peer, false));
        }
        for (Peer peer : peers) {
            pairings.add(new Pairing(peer, underTest, true));
        }
        return pairings;
    }

    Peer client() {
        return client;
    }

    Peer server() {
        return server;
    }

    /** Whether the client is the peer (so the system under test is the server). */
    boolean peerIsClient() {
        return peerIsClient;
    }

    /**
     * Runs {@code connections} connections one after the other from one client to one server (so the later
     * ones may resume), through a {@link WireTap}, and collects what each side and the wire saw.
     */
    Outcome connect(Settings clientSettings, Settings serverSettings, int connections) throws Exception {
        try (Peer.Server listening = server.serve(serverSettings, connections);
             WireTap tap = WireTap.to(listening.port());
             Peer.Client connecting = client.client(clientSettings)) {
            List<String> requests = new ArrayList<>();
            List<Seen> clientSide = new ArrayList<>();
            try {
                for (int i = 1; i <= connections; i++) {
                    String request = "hello " + i + " from " + client.name() + " to " + server.name();
                    requests.add(request);
                    clientSide.add(connecting.exchange(tap.port(), request));
                }
            } catch (Exception | AssertionError clientFailure) {
                // The server's side of a failed handshake usually says more (which alert it sent, and why).
                try {
                    listening.finish();
                } catch (Exception | AssertionError serverFailure) {
                    clientFailure.addSuppressed(serverFailure);
                }
                throw clientFailure;
            }
            return new Outcome(this, requests, clientSide, listening.finish(), tap.connections());
        }
    }

    /**
     * Runs one connection that must fail, and returns how each side failed (null for a side that did not).
     * Fails itself if neither side did.
     */
    Failures connectExpectingFailure(Settings clientSettings, Settings serverSettings) throws Exception {
        try (Peer.Server listening = server.serve(serverSettings, 1);
             Peer.Client connecting = client.client(clientSettings)) {
            Throwable clientFailure = null;
            Throwable serverFailure = null;
            try {
                connecting.exchange(listening.port(), "hello from " + client.name() + " to " + server.name());
            } catch (Exception | AssertionError e) {
                clientFailure = e;
            }
            try {
                listening.finish();
            } catch (Exception | AssertionError e) {
                serverFailure = e;
            }
            if (clientFailure == null && serverFailure == null) {
                throw new AssertionError(this + ": the connection succeeded, and should not have");
            }
            return new Failures(clientFailure, serverFailure);
        }
    }

    @Override
    public String toString() {
        return client.name() + " client, " + server.name() + " server";
    }
}
