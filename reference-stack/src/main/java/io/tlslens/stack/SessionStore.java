package io.tlslens.stack;

import io.tlslens.stack.tls12.Tls12Session;
import java.util.Optional;

/**
 * Where resumable sessions live: on a client, the tickets it received per server; on a server, the
 * key it seals its own tickets with (RFC 8446 §4.6.1: the ticket is opaque to the client, so a
 * server keeps nothing per session) and the tickets already used, when early data makes them
 * single use (§8.1). TLS 1.2 sessions (RFC 5246 §7.3) live here too: a client keeps the one it
 * can resume per server, a server those it can resume by session ID (its tickets, RFC 5077, are
 * sealed with the same key as its TLS 1.3 ones). The JSSE layer's SSLSessionContext is a view of it.
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

    /** Client: keeps the TLS 1.2 session established with {@code server}, replacing the one before. */
    default void putSession(String server, Tls12Session session) {
    }

    /**
     * Client: the TLS 1.2 session with {@code server} that is still valid at {@code nowMillis}.
     * Read, not taken: a TLS 1.2 session may be resumed many times (RFC 5246 §7.3).
     */
    default Optional<Tls12Session> session(String server, long nowMillis) {
        return Optional.empty();
    }

    /** Server: keeps a TLS 1.2 session under its session ID. */
    default void putSessionById(byte[] sessionId, Tls12Session session) {
    }

    /** Server: the TLS 1.2 session with this ID, when kept and still valid at {@code nowMillis}. */
    default Optional<Tls12Session> sessionById(byte[] sessionId, long nowMillis) {
        return Optional.empty();
    }
}
