package io.tlslens.benchmarks;

import java.io.IOException;

/** How client and server are connected: JMH's parameter {@code transport}. */
public enum Transport {
    /** Two SSLEngines pumped by one thread through memory: TLS work alone, no I/O, no thread hand-off. */
    ENGINE {
        @Override
        Connector connector(Peers peers, ServerRole role) {
            return peers::connectEngines;
        }
    },
    /**
     * An SSLSocket client on the benchmark thread and an SSLServerSocket served by a thread of its own over
     * 127.0.0.1: what an application's connections cost, system calls and thread wake-ups included.
     */
    SOCKET {
        @Override
        Connector connector(Peers peers, ServerRole role) throws IOException {
            return new LoopbackServer(peers, role);
        }
    };

    /**
     * Where new connections come from. {@code role} says what a socket server does with application data; in
     * memory there is no server loop, and each {@link Connection} call does what it says.
     */
    abstract Connector connector(Peers peers, ServerRole role) throws IOException;

    /** Makes connections to one server; closing it stops the server. */
    @FunctionalInterface
    interface Connector extends AutoCloseable {
        Connection connect() throws IOException;

        @Override
        default void close() throws IOException {
        }
    }

    /** What the server does with the application data it receives. */
    enum ServerRole {
        /** Sends it back: request and response. */
        ECHO,
        /** Reads and drops it: a one-way stream. */
        DISCARD
    }
}
