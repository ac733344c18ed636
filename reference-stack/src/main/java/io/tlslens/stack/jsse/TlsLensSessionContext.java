package io.tlslens.stack.jsse;

import io.tlslens.stack.SessionStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/**
 * The sessions of one side (client or server) of an SSLContext: the established sessions by id,
 * bounded and expiring as configured, and the core's {@link SessionStore} that makes them
 * resumable (a client resumes by peer host and port).
 */
final class TlsLensSessionContext implements SSLSessionContext {
    /** SunJSSE's defaults: 20480 sessions, 24 hours. */
    private static final int DEFAULT_CACHE_SIZE = 20480;
    private static final int DEFAULT_TIMEOUT_SECONDS = 86400;

    private final SessionStore store;
    private final Map<ByteBuffer, TlsLensSession> sessions = new LinkedHashMap<>(16, 0.75f, true);
    private int cacheSize = DEFAULT_CACHE_SIZE;
    private int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;

    TlsLensSessionContext(SessionStore store) {
        this.store = store;
    }

    SessionStore store() {
        return store;
    }

    /** Remembers an established session. */
    synchronized void add(TlsLensSession session) {
        sessions.put(ByteBuffer.wrap(session.getId()), session);
        evict();
    }

    synchronized void remove(TlsLensSession session) {
        sessions.remove(ByteBuffer.wrap(session.getId()));
    }

    /** Drops every ticket kept for {@code server}. */
    void forgetTickets(String server) {
        while (store.takeTicket(server, System.currentTimeMillis()).isPresent()) {
            // taking a ticket removes it
        }
    }

    /** Whether the session has not expired. */
    synchronized boolean isCurrent(TlsLensSession session) {
        return timeoutSeconds == 0
                || System.currentTimeMillis() - session.getCreationTime() < timeoutSeconds * 1000L;
    }

    @Override
    public synchronized SSLSession getSession(byte[] sessionId) {
        TlsLensSession session = sessions.get(ByteBuffer.wrap(sessionId));
        return session != null && session.isValid() ? session : null;
    }

    @Override
    public synchronized Enumeration<byte[]> getIds() {
        ArrayList<byte[]> ids = new ArrayList<>();
        for (TlsLensSession session : sessions.values()) {
            if (session.isValid()) {
                ids.add(session.getId());
            }
        }
        return Collections.enumeration(ids);
    }

    @Override
    public synchronized void setSessionTimeout(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("negative timeout: " + seconds);
        }
        timeoutSeconds = seconds;
    }

    @Override
    public synchronized int getSessionTimeout() {
        return timeoutSeconds;
    }

    @Override
    public synchronized void setSessionCacheSize(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative cache size: " + size);
        }
        cacheSize = size;
        evict();
    }

    @Override
    public synchronized int getSessionCacheSize() {
        return cacheSize;
    }

    /** Drops the least recently used sessions beyond the cache size (0 means unbounded). */
    private void evict() {
        var oldest = sessions.keySet().iterator();
        while (cacheSize > 0 && sessions.size() > cacheSize && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
