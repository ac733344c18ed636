/**
 * What the TLS 1.2 and TLS 1.3 handshakes of the reference stack share, version-neutral: the
 * {@link io.tlslens.stack.handshake.HandshakeState} both fill in, the guarded observer, the peer's
 * chain and its trust decision, decision evidence, the rule every extension block follows, ALPN
 * (RFC 7301), the server's answer to server_name (RFC 6066), and the sealing of server tickets.
 * The named steps per message stay in each version's state machines.
 */
package io.tlslens.stack.handshake;
