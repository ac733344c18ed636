package io.tlslens.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;

/** What both sides and the wire saw of a pairing's connections, with the checks every connection must pass. */
final class Outcome {
    private final Pairing pairing;
    private final List<String> requests;
    private final List<Seen> client;
    private final List<Seen> server;
    private final List<Hellos> wire;

    Outcome(Pairing pairing, List<String> requests, List<Seen> client, List<Seen> server, List<Hellos> wire) {
        this.pairing = pairing;
        this.requests = requests;
        this.client = client;
        this.server = server;
        this.wire = wire;
        assertEquals(requests.size(), wire.size(), () -> "connections through the wire tap: " + describe());
    }

    Seen client(int connection) {
        return client.get(connection);
    }

    Seen server(int connection) {
        return server.get(connection);
    }

    Hellos wire(int connection) {
        return wire.get(connection);
    }

    /**
     * Every connection: {@code version} on both sides and on the wire, one cipher suite and one ALPN result
     * that both sides and the wire agree on, the request and its reply delivered, the client's close_notify
     * seen by the server, and in TLS 1.2 the extended master secret (RFC 7627) negotiated on the wire.
     */
    Outcome assertExchanged(TlsVersion version) {
        for (int i = 0; i < requests.size(); i++) {
            Seen c = client.get(i);
            Seen s = server.get(i);
            int connection = i;
            Supplier<String> context = () -> "connection " + (connection + 1) + " of " + describe();
            assertEquals(version.jsseName(), wire.get(i).version(), () -> "version on the wire, " + context.get());
            assertEquals(version.jsseName(), c.protocol(), () -> "client protocol, " + context.get());
            assertEquals(version.jsseName(), s.protocol(), () -> "server protocol, " + context.get());
            assertEquals(wire.get(i).cipherSuite(), c.cipherSuite(), () -> "client cipher suite, " + context.get());
            assertEquals(wire.get(i).cipherSuite(), s.cipherSuite(), () -> "server cipher suite, " + context.get());
            assertEquals(c.applicationProtocol(), s.applicationProtocol(), () -> "ALPN, " + context.get());
            assertEquals(Peer.reply(requests.get(i)), c.received(),
                    () -> "reply the client received, " + context.get());
            if (s.received() != null) { // openssl s_server -rev does not print what it receives; its reply does
                assertEquals(requests.get(i), s.received(), () -> "request the server received, " + context.get());
            }
            assertTrue(s.closedByPeer(), () -> "the server did not see the client's close_notify, " + context.get());
            if (version == TlsVersion.TLS_1_2) {
                // The reference stack requires it by default, and every peer offers or accepts it.
                assertTrue(wire.get(i).extendedMasterSecret(),
                        () -> "no extended_master_secret in both hellos, " + context.get());
            }
        }
        return this;
    }

    String describe() {
        return pairing + "\n  client saw " + client + "\n  server saw " + server + "\n  wire " + wire;
    }

    @Override
    public String toString() {
        return describe();
    }
}
