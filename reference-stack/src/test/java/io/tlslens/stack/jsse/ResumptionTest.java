package io.tlslens.stack.jsse;

import static io.tlslens.stack.jsse.TestPki.CA;
import static io.tlslens.stack.jsse.TestPki.SERVER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Resumption through the session contexts: a second connection to the same peer resumes with a ticket. */
class ResumptionTest {

    /** Runs one handshake and lets the client read the server's NewSessionTicket. */
    private static EngineLoop connect(SSLContext client, SSLContext server, int port) throws Exception {
        return connect(client, server, port, "TLSv1.3");
    }

    private static EngineLoop connect(SSLContext client, SSLContext server, int port, String protocol) throws Exception {
        SSLEngine clientEngine = client.createSSLEngine("localhost", port);
        clientEngine.setEnabledProtocols(new String[] {protocol});
        EngineLoop loop = new EngineLoop(clientEngine, server.createSSLEngine()).handshake();
        assertEquals("tickets arrive first", loop.serverToClient("tickets arrive first"));
        return loop;
    }

    @Test
    void ourClientResumesWithSunJsseByHostAndPort() throws Exception {
        SSLContext client = TestPki.tlsLens(null, CA.trustManagers());
        SSLContext server = TestPki.sunJsse(SERVER.keyManagers(), CA.trustManagers());

        EngineLoop first = connect(client, server, 443);
        EngineLoop second = connect(client, server, 443);
        EngineLoop otherPort = connect(client, server, 8443);

        assertFalse(((TlsLensSession) first.client.getSession()).resumed());
        assertTrue(((TlsLensSession) second.client.getSession()).resumed());
        assertFalse(((TlsLensSession) otherPort.client.getSession()).resumed(), "tickets are per host and port");
        assertEquals(SERVER.leaf, second.client.getSession().getPeerCertificates()[0], "from the original session");
    }

    @Test
    void invalidatingAClientSessionMakesTheNextConnectionAFullHandshake() throws Exception {
        SSLContext client = TestPki.tlsLens(null, CA.trustManagers());
        SSLContext server = TestPki.sunJsse(SERVER.keyManagers(), CA.trustManagers());
        connect(client, server, 443);
        EngineLoop resumed = connect(client, server, 443);
        assertTrue(((TlsLensSession) resumed.client.getSession()).resumed());

        resumed.client.getSession().invalidate();
        EngineLoop full = connect(client, server, 443);

        assertFalse(((TlsLensSession) full.client.getSession()).resumed());
    }

    @Test
    void sunJsseResumesWithOurServer() throws Exception {
        SSLContext client = TestPki.sunJsse(null, CA.trustManagers());
        SSLContext server = TestPki.tlsLens(SERVER.keyManagers(), CA.trustManagers());

        EngineLoop first = connect(client, server, 443);
        EngineLoop second = connect(client, server, 443);

        assertFalse(((TlsLensSession) first.server.getSession()).resumed());
        assertTrue(((TlsLensSession) second.server.getSession()).resumed());
    }

    /**
     * As SunJSSE's, a resumed session keeps the creation time of the session it resumes (in TLS 1.3,
     * when that session's ticket was issued): applications tell a resumed session from a new one by it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void resumedSessionKeepsItsCreationTimeInBothRoles(String protocol) throws Exception {
        SSLContext client = TestPki.tlsLens(null, CA.trustManagers());
        SSLContext server = TestPki.tlsLens(SERVER.keyManagers(), CA.trustManagers());
        EngineLoop first = connect(client, server, 443, protocol);
        long firstEstablished = System.currentTimeMillis();
        Thread.sleep(5); // the second connection starts in a later millisecond than any time of the first
        long secondStarted = System.currentTimeMillis();
        EngineLoop second = connect(client, server, 443, protocol);

        for (SSLSession session : new SSLSession[] {second.client.getSession(), second.server.getSession()}) {
            assertTrue(((TlsLensSession) session).resumed(), protocol);
            assertTrue(session.getCreationTime() >= first.client.getSession().getCreationTime()
                    && session.getCreationTime() <= firstEstablished, () -> protocol + ": created at "
                    + session.getCreationTime() + ", the first connection ran until " + firstEstablished
                    + ", the second started at " + secondStarted);
        }
    }

    @Test
    void sessionContextListsEstablishedSessionsUntilInvalidated() throws Exception {
        SSLContext client = TestPki.tlsLens(null, CA.trustManagers());
        EngineLoop loop = connect(client, TestPki.sunJsse(SERVER.keyManagers(), CA.trustManagers()), 443);
        SSLSessionContext sessions = client.getClientSessionContext();
        SSLSession session = loop.client.getSession();

        assertEquals(1, Collections.list(sessions.getIds()).size());
        assertArrayEquals(session.getId(), Collections.list(sessions.getIds()).get(0));
        assertSame(session, sessions.getSession(session.getId()));
        assertSame(sessions, session.getSessionContext());

        session.invalidate();

        assertFalse(session.isValid());
        assertNull(sessions.getSession(session.getId()));
        assertTrue(Collections.list(sessions.getIds()).isEmpty());
    }

    @Test
    void sessionContextHonoursTimeoutAndCacheSize() throws Exception {
        SSLContext client = TestPki.tlsLens(null, CA.trustManagers());
        SSLContext server = TestPki.sunJsse(SERVER.keyManagers(), CA.trustManagers());
        SSLSessionContext sessions = client.getClientSessionContext();
        sessions.setSessionCacheSize(1);

        connect(client, server, 443);
        EngineLoop newest = connect(client, server, 444);

        assertEquals(1, Collections.list(sessions.getIds()).size());
        assertArrayEquals(newest.client.getSession().getId(), Collections.list(sessions.getIds()).get(0));
        assertEquals(1, sessions.getSessionCacheSize());
        sessions.setSessionTimeout(7);
        assertEquals(7, sessions.getSessionTimeout());
    }
}
