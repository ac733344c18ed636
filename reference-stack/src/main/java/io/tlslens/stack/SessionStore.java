package io.tlslens.stack;

/**
 * Where resumable sessions live: on a client, the tickets it received per peer; on a server, what
 * it needs to accept its own tickets (single use when early data is on). The JSSE layer's
 * SSLSessionContext is a view of it. (Methods are defined with resumption.)
 */
public interface SessionStore {

    /** Resumes nothing. */
    SessionStore NONE = new SessionStore() { };
}
