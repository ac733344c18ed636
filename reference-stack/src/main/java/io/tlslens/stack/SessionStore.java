package io.tlslens.stack;

import java.util.Optional;

/**
 * Where resumable sessions live: on a client, the tickets it received per server; on a server, the
 * key it seals its own tickets with (RFC 8446 §4.6.1: the ticket is opaque to the client, so a
 * server keeps nothing per session) and the tickets already used, when early data makes them
 * single use (§8.1). The JSSE layer's SSLSessionContext is a view of it.
 *
 * <p>Implementations are shared by many connections and must be thread-safe.
 */
public interface SessionStore {

    /** Resumes nothing: keeps no ticket, issues none. */
    SessionStore NONE = new SessionStore() { };

    /** Client: keeps a ticket that {@code server} issued. */
    default void putTicket(String server, ResumptionTicket ticket) {
    }

    /**
     * Client: removes and returns the newest ticket for {@code server} that is still valid at
     * {@code nowMillis}. Taken, not read: a client uses a ticket once (RFC 8446 §C.4), and the
     * server sends fresh ones on each connection.
     */
    default Optional<ResumptionTicket> takeTicket(String server, long nowMillis) {
        return Optional.empty();
    }

    /** Server: the 32-byte key its tickets are sealed with; empty when it issues none. */
    default Optional<byte[]> ticketKey() {
        return Optional.empty();
    }

    /**
     * Server: records that the ticket with this identity was presented; false when it had been
     * before. A server that accepts early data resumes each ticket once, so 0-RTT data cannot be
     * replayed (RFC 8446 §8.1).
     */
    default boolean markUsed(byte[] ticketIdentity) {
        return true;
    }
}
