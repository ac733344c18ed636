package io.tlslens.stack;

import io.tlslens.stack.tls12.Tls12Session;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link SessionStore} in memory, bounded: a client keeps the newest {@value #TICKETS_PER_SERVER}
 * tickets per server and at most {@value #SERVERS} servers; a server seals tickets with one random
 * key made at construction (so its tickets die with it) and remembers the last
 * {@value #USED_TICKETS} tickets presented. TLS 1.2 sessions: one per server on a client (at most
 * {@value #SERVERS}), the newest {@value #SESSIONS_BY_ID} by session ID on a server.
 */
public final class InMemorySessionStore implements SessionStore {
    static final int TICKETS_PER_SERVER = 4;
    static final int SERVERS = 1024;
    static final int USED_TICKETS = 16384;
    static final int SESSIONS_BY_ID = 16384;

    private final byte[] ticketKey = new byte[32];
    private final Map<String, Deque<ResumptionTicket>> tickets = boundedMap(SERVERS);
    private final Map<String, Boolean> used = boundedMap(USED_TICKETS);
    private final Map<String, Tls12Session> tls12Sessions = boundedMap(SERVERS);
    private final Map<String, Tls12Session> tls12SessionsById = boundedMap(SESSIONS_BY_ID);

    public InMemorySessionStore() {
        this(new SecureRandom());
    }

    public InMemorySessionStore(SecureRandom random) {
        random.nextBytes(ticketKey);
    }

    @Override
    public synchronized void putTicket(String server, ResumptionTicket ticket) {
        Deque<ResumptionTicket> forServer = tickets.computeIfAbsent(server, s -> new ArrayDeque<>());
        forServer.addFirst(ticket);
        while (forServer.size() > TICKETS_PER_SERVER) {
            forServer.removeLast();
        }
    }

    @Override
    public synchronized Optional<ResumptionTicket> takeTicket(String server, long nowMillis) {
        Deque<ResumptionTicket> forServer = tickets.getOrDefault(server, new ArrayDeque<>());
        forServer.removeIf(t -> !t.isValidAt(nowMillis));
        return Optional.ofNullable(forServer.pollFirst());
    }

    @Override
    public Optional<byte[]> ticketKey() {
        return Optional.of(ticketKey.clone());
    }

    @Override
    public synchronized boolean markUsed(byte[] ticketIdentity) {
        return used.put(Base64.getEncoder().encodeToString(ticketIdentity), Boolean.TRUE) == null;
    }

    @Override
    public synchronized void putSession(String server, Tls12Session session) {
        tls12Sessions.put(server, session);
    }

    @Override
    public synchronized Optional<Tls12Session> session(String server, long nowMillis) {
        return Optional.ofNullable(tls12Sessions.get(server)).filter(s -> s.isValidAt(nowMillis));
    }

    @Override
    public synchronized void putSessionById(byte[] sessionId, Tls12Session session) {
        tls12SessionsById.put(Base64.getEncoder().encodeToString(sessionId), session);
    }

    @Override
    public synchronized Optional<Tls12Session> sessionById(byte[] sessionId, long nowMillis) {
        return Optional.ofNullable(tls12SessionsById.get(Base64.getEncoder().encodeToString(sessionId)))
                .filter(s -> s.isValidAt(nowMillis));
    }

    private static <V> Map<String, V> boundedMap(int max) {
        return new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }
}
