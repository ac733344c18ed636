/**
 * The JSSE provider {@code TLSLens}: the reference stack behind the standard {@code javax.net.ssl}
 * API, so that unmodified applications (and the agent's {@code stack=reference} swap) run on it.
 *
 * <p>{@link io.tlslens.stack.jsse.TlsLensProvider} registers the SSLContexts; an SSLContext holds the
 * application's key and trust managers and two session contexts, and configures each connection
 * from an engine's or socket's SSLParameters. {@code TlsLensEngine} and {@code TlsLensSocket} are
 * thin adapters over the sans-IO {@link io.tlslens.stack.TlsConnection}: the engine maps records
 * in and out to SSLEngine's status protocol, the socket drives the same connection over blocking
 * streams. The key and trust managers are the core's {@link io.tlslens.stack.Credentials} and
 * {@link io.tlslens.stack.PeerVerifier}, called with the engine or socket and a handshake session
 * read from the core's {@link io.tlslens.stack.HandshakeView}, as SunJSSE calls them.
 */
package io.tlslens.stack.jsse;
